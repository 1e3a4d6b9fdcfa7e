/**
 * Every operation of the P100 contract (openapi.yaml, 57 operations, named by operationId).
 * Resources, path overrides and the coverage report all key on these names.
 *
 * Groups follow P100's subsystems, not the partner/user split, so that one failing subsystem opens
 * one breaker: the partner's own exchange runs through `exchange`, its SEPA transfers through
 * `sepa`; `partner` keeps only what is about the partner account itself.
 *
 * `inferred` marks paths that no P100 document shows (`x-source: inferred`) or that only
 * third-party client code shows (`x-source: third-party`); override them with `config.paths`.
 */
export const ENDPOINT_GROUPS = ['users', 'kyc', 'exchange', 'sepa', 'crypto', 'transfers', 'cards', 'orders', 'partner'] as const;
export type EndpointGroup = (typeof ENDPOINT_GROUPS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type OperationSource = 'doc' | 'old-doc' | 'third-party' | 'inferred';

export interface OperationSpec {
  readonly group: EndpointGroup;
  readonly method: HttpMethod;
  /** Default path template; `{name}` placeholders are filled from `pathParams`. */
  readonly path: string;
  readonly source: OperationSource;
  readonly inferred: boolean;
  /** Body fields P100 expects as JSON numbers; our decimal strings are written as number literals. */
  readonly numberFields?: readonly string[];
  /** The `Accept` header: the media type the contract declares for the answer (JSON unless said). */
  readonly accept?: string;
}

const op = (
  group: EndpointGroup,
  method: HttpMethod,
  path: string,
  source: OperationSource,
  numberFields?: readonly string[],
): OperationSpec => ({ group, method, path, source, inferred: source === 'inferred' || source === 'third-party', numberFields });

const CARD_LIMITS = ['dailyTrxAll', 'monthlyTrxAll', 'dailyTrxAtm', 'monthlyTrxAtm', 'dailyTrxEcom', 'monthlyTrxEcom'];

export const OPERATIONS = {
  // users
  createUserAccount: op('users', 'POST', '/v1/user/balances/crypto-and-fiat', 'doc'),
  createNonKycUser: op('users', 'POST', '/v1/user/balances/crypto', 'old-doc'),
  getUserBalances: op('users', 'GET', '/v1/user/balances/{externalUserId}', 'doc'),
  getUserTransactionHistory: op('users', 'GET', '/v1/user/transaction-history/{externalUserId}', 'inferred'),
  extendUser: op('users', 'POST', '/v1/user/extend', 'inferred'),
  updateUser: op('users', 'PATCH', '/v1/user/{externalUserId}', 'inferred'),
  deleteUser: op('users', 'DELETE', '/v1/user/{externalUserId}', 'inferred'),
  suspendUser: op('users', 'PATCH', '/v1/user/suspend/{externalUserId}', 'inferred'),
  unsuspendUser: op('users', 'PATCH', '/v1/user/unsuspend/{externalUserId}', 'inferred'),
  // kyc
  addKycFile: op('kyc', 'POST', '/v1/user/kyc-files/{externalUserId}', 'old-doc'),
  addPoaFile: op('kyc', 'POST', '/v1/user/poa-files/{externalUserId}', 'doc'),
  createKycVerification: op('kyc', 'POST', '/v1/kyc', 'doc'),
  // The contract declares only text/html for this one: P100's hosted verification page.
  redirectToVerification: { ...op('kyc', 'GET', '/v1/kyc/verification/{externalUserId}/{verificationId}', 'doc'), accept: 'text/html' },
  getKycStatus: op('kyc', 'GET', '/v1/kyc/status/{id}', 'doc'),
  addUserVerification: op('kyc', 'POST', '/v1/user/verification', 'old-doc'),
  // exchange
  getExchangeRates: op('exchange', 'GET', '/v1/exchange/get-rate', 'old-doc'),
  getExchangeLock: op('exchange', 'GET', '/v1/exchange/get-lock/{externalUserId}', 'old-doc'),
  userExecuteExchange: op('exchange', 'POST', '/v1/exchange', 'old-doc', ['amount']),
  getExchangeDetails: op('exchange', 'GET', '/v1/exchange/details/{exchangeId}', 'doc'),
  partnerGetExchangeRate: op('exchange', 'GET', '/v1/partner/exchange/get-rate', 'inferred'),
  partnerGetExchangeLock: op('exchange', 'GET', '/v1/partner/exchange/get-lock', 'inferred'),
  partnerExecuteExchange: op('exchange', 'POST', '/v1/partner/exchange', 'doc', ['amount']),
  // sepa
  getPartnerSepaDepositInfo: op('sepa', 'GET', '/v1/partner/sepa-deposit/info', 'doc'),
  partnerGetSepaDepositContacts: op('sepa', 'GET', '/v1/partner/sepa-deposit/contacts', 'inferred'),
  createPartnerSepaTransfer: op('sepa', 'POST', '/v1/partner/sepa-transfer', 'doc'),
  createUserSepaTransfer: op('sepa', 'POST', '/v1/sepa-transfer', 'doc'),
  getSepaTransferDetails: op('sepa', 'GET', '/v1/sepa-transfer/details/{transferId}', 'doc'),
  getUserSepaDepositInfo: op('sepa', 'GET', '/v1/sepa-deposit/info/{externalUserId}', 'inferred'),
  getUserSepaDepositContacts: op('sepa', 'GET', '/v1/sepa-deposit/contacts/{externalUserId}', 'inferred'),
  // crypto
  getNetworkFee: op('crypto', 'GET', '/v1/crypto-withdrawal/get-network-fee', 'old-doc'),
  createCryptoWithdrawal: op('crypto', 'POST', '/v1/crypto-withdrawal', 'old-doc', ['amount']),
  partnerCreateCryptoWithdrawal: op('crypto', 'POST', '/v1/partner/crypto-withdrawal', 'inferred', ['amount']),
  getCryptoWithdrawalDetails: op('crypto', 'GET', '/v1/crypto-withdrawal/details/{withdrawalId}', 'third-party'),
  updateTravelRule: op('crypto', 'PATCH', '/v1/crypto-deposit/travel-rule', 'inferred'),
  partnerUpdateTravelRule: op('crypto', 'PATCH', '/v1/partner/crypto-deposit/travel-rule', 'inferred'),
  // transfers
  createInternalTransfer: op('transfers', 'POST', '/v1/transfer', 'old-doc'),
  getInternalTransferDetails: op('transfers', 'GET', '/v1/transfer/details/{transferId}', 'old-doc'),
  partnerCreateMasterBalanceTransfer: op('transfers', 'POST', '/v1/partner/transfer', 'inferred'),
  // cards
  createVirtualCard: op('cards', 'POST', '/v1/card/virtual', 'old-doc'),
  getAllUserCards: op('cards', 'GET', '/v1/card/all/{externalUserId}', 'old-doc'),
  getCardDetails: op('cards', 'GET', '/v1/card/details/{externalUserId}/{cardId}', 'doc'),
  updateCardPin: op('cards', 'PATCH', '/v1/card/pin', 'third-party'),
  blockCard: op('cards', 'PATCH', '/v1/card/block', 'third-party'),
  unblockCard: op('cards', 'PATCH', '/v1/card/unblock', 'third-party'),
  getCardLimits: op('cards', 'GET', '/v1/card/limits/{externalUserId}/{cardId}', 'third-party'),
  updateCardLimits: op('cards', 'PATCH', '/v1/card/limits', 'third-party', CARD_LIMITS),
  // openapi.yaml files Delete Card under /v1/card/virtual; endpoints.md and the operation's own
  // summary say the client code calls DELETE /v1/card. We follow the yaml; override if needed.
  deleteCard: op('cards', 'DELETE', '/v1/card/virtual', 'third-party'),
  // orders (and payment links, the other crypto-acceptance product)
  getOrderRates: op('orders', 'GET', '/v1/order/rates', 'inferred'),
  lockOrderRate: op('orders', 'POST', '/v1/order/lock-rate', 'doc'),
  createOrder: op('orders', 'POST', '/v1/order', 'doc'),
  getOrderDetails: op('orders', 'GET', '/v1/order/details/{orderId}', 'doc'),
  generatePaymentLink: op('orders', 'POST', '/v1/payment-link', 'inferred'),
  generateHostedCheckout: op('orders', 'POST', '/v1/payment-link/hosted-checkout', 'inferred'),
  getPaymentLinkDetails: op('orders', 'GET', '/v1/payment-link/details/{paymentLinkId}', 'inferred'),
  // partner account
  getPartnerBalances: op('partner', 'GET', '/v1/partner/balances', 'old-doc'),
  partnerGetTransactionHistory: op('partner', 'GET', '/v1/partner/transaction-history', 'inferred'),
  partnerCreateWallet: op('partner', 'POST', '/v1/partner/wallet', 'inferred'),
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}

/** The `{name}` placeholders of a path template, in order. */
export function pathParamsOf(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1]);
}

export function fillPath(template: string, params: Readonly<Record<string, string>> = {}, operation?: string): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new TypeError(`${operation ?? 'P100 call'}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
