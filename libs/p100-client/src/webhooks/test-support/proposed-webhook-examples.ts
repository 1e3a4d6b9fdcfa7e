/**
 * Example bodies for the webhooks the contract documents no example of, written from the
 * "Proposed payloads" table of webhooks.md (every one of them inferred). They are JSON text, as
 * P100 would send it: numbers are number literals where the matching REST endpoint returns
 * numbers (amounts, rates, fees, confirmation counts), so exact decoding is exercised.
 */
export const PROPOSED_WEBHOOK_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  'poa-verification-status': [
    '{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","status":"WAITING"}',
    '{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","status":"QUESTIONED"}',
  ],
  'kyc-verification-status': [
    '{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","verificationId":"5f0c3a4e-7a51-4b8e-9a55-2b1f1f0e8c11","status":"APPROVED"}',
  ],
  'high-risk-kyc-verification': ['{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","status":"POA_REQUIRED"}'],
  'wallet-created': ['{"currency":"usdc","network":"polygon","wallet":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","status":"CREATED"}'],
  'iban-status': [
    '{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","iban":"DE89370400440532013000","amount":"250.00","currency":"eur","status":"PENDING","createdAt":"2025-08-05T10:33:54.730Z"}',
  ],
  'partner-sepa-transfer': [
    '{"id":"123f6603-5a71-45c3-a222-1de369bb1c4d","status":"FAILED","error":{"description":"Insufficient funds","status":"insufficient-funds"}}',
  ],
  'user-sepa-transfer': [
    '{"id":"9a1c2b77-0c55-4f0e-8d2e-3c1b7a9e0f42","status":"FAILED","error":{"description":"Insufficient funds","status":"insufficient-funds"}}',
  ],
  'sepa-deposit': [
    '{"id":"c7d1e0a2-3b4f-4e5a-9c8d-7f6e5d4c3b2a","externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","amount":"250.00","currency":"eur","senderName":"Jan Kowalski","senderIban":"DE89370400440532013000","title":"Top-up","status":"APPROVED","createdAt":"2025-08-05T10:35:00.000Z"}',
  ],
  'crypto-withdrawal': [
    '{"id":"0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e","amount":0.0123,"fee":0.000469,"destination":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","status":"SUCCESSFUL","transactionHash":"0x10d5bd4367fd6623a16f56889abb3bb2352b8ea7df7b21537f1fc56fc2d07a87","currency":"eth","createdAt":"2025-03-20T11:34:37.646Z"}',
  ],
  exchange: [
    '{"exchangeId":"e5b2c9d0-1a2b-4c3d-8e9f-0a1b2c3d4e5f","externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","amount":0.01,"currencyFrom":"btc","currencyTo":"eur","rate":55647.81453411,"fee":8.29,"status":"COMPLETED","createdAt":"2025-03-20T11:34:37.646Z"}',
    '{"id":"e5b2c9d0-1a2b-4c3d-8e9f-0a1b2c3d4e5f","amount":10,"currencyFrom":"eur","currencyTo":"btc","rate":0.0000179,"fee":0.15,"status":"failed","createdAt":"2025-03-20T11:34:37.646Z","error":{"description":"Insufficient funds","status":"FAILED"}}',
  ],
  'card-transaction': [
    '{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","cardId":"card-7d3f","amount":12.5,"currency":"eur","merchantName":"Coffee Shop","status":"APPROVED","createdAt":"2025-08-05T10:33:54.730Z"}',
  ],
  'order-status': [
    '{"orderId":"ord-1f2e","lockId":"8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","status":"WAITING_FOR_CONFIRMATION","confirmations":3,"requiredConfirmations":12,"receivedAmount":346.59,"totalAmountRequired":346.59,"cryptocurrency":"usdc","walletAddress":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","transactionHash":null,"network":"POLYGON","expiresAt":"2025-08-05T11:03:54.730Z","createdAt":"2025-08-05T10:33:54.730Z"}',
  ],
  'payment-link': ['{"paymentLinkId":"pl-51c0","status":"PAID","amount":"49.90","currency":"eur","createdAt":"2025-08-05T10:33:54.730Z"}'],
  'card-3ds-code': [
    '{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","cardId":"card-7d3f","code":"048213","merchantName":"Coffee Shop","amount":12.5,"currency":"eur"}',
  ],
  'card-activation-code': ['{"externalUserId":"bca65c48-df49-4831-a7b2-de7903321581","cardId":"card-7d3f","code":"731902"}'],
};
