import {
  cryptoWithdrawalSchema,
  executeExchangeSchema,
  ibanChecksumValid,
  ibanSchema,
  orderLockSchema,
  partnerCryptoWithdrawalSchema,
  partnerExecuteExchangeSchema,
  partnerSepaTransferSchema,
  partnerTravelRuleSchema,
  PartnerPaymentsCommands,
  paymentLinkSchema,
  PaymentsCommands,
  positiveAmountSchema,
  sepaTransferSchema,
  settlementEventType,
} from '../index';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('payments contracts', () => {
  it('takes amounts as bounded decimal strings only', () => {
    expect(positiveAmountSchema.safeParse('10.50').success).toBe(true);
    for (const bad of ['0', '0.00', '-1', '1e3', '01', '1.', ' 1', '1'.repeat(16), `1.${'0'.repeat(19)}1`]) {
      expect({ bad, ok: positiveAmountSchema.safeParse(bad).success }).toEqual({ bad, ok: false });
    }
    expect(positiveAmountSchema.safeParse(10).success).toBe(false);
  });

  it('checks IBANs with their mod-97 checksum, tolerating spaces and lower case', () => {
    expect(ibanChecksumValid('DE89370400440532013000')).toBe(true);
    expect(ibanSchema.parse('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(issues(ibanSchema.safeParse('DE89370400440532013001'))).toEqual([': INVALID_IBAN: check digits do not match (mistyped IBAN?)']);
    expect(issues(ibanSchema.safeParse('DE8937040044053201300'))[0]).toMatch(/22 characters/);
    expect(issues(ibanSchema.safeParse('US89370400440532013000'))[0]).toMatch(/not a SEPA country/);
  });

  it('names the field of a SEPA transfer problem', () => {
    const base = { externalUserId: 'user-1', amount: '10.00', destinationIban: 'DE89370400440532013000', transferTitle: 'rent' };
    expect(sepaTransferSchema.parse(base).currency).toBe('eur');
    expect(issues(sepaTransferSchema.safeParse({ ...base, amount: '10.001' }))).toEqual(['amount: eur takes at most 2 decimals']);
    expect(issues(sepaTransferSchema.safeParse({ ...base, receiverType: 'INDIVIDUAL', receiverFirstName: 'Jan' }))).toEqual(['receiverLastName: required for an INDIVIDUAL receiver']);
    expect(issues(sepaTransferSchema.safeParse({ ...base, companyName: 'ACME' }))).toEqual(['receiverType: required when receiver names are given']);
    expect(issues(sepaTransferSchema.safeParse({ ...base, currency: 'usdt' }))[0]).toMatch(/^currency: UNSUPPORTED_CURRENCY/);
  });

  it('checks the withdrawal network and address shape per currency', () => {
    const base = { externalUserId: 'user-1', currency: 'ETH', amount: '0.01', walletAddress: `0x${'ab'.repeat(20)}`, recipientName: 'Jan', walletType: 'NON_CUSTODIAL', receiverType: 'NATURAL' };
    expect(cryptoWithdrawalSchema.parse(base).currency).toBe('eth');
    expect(issues(cryptoWithdrawalSchema.safeParse({ ...base, walletAddress: 'tb1qxyz' }))).toEqual(['walletAddress: INVALID_ADDRESS: not a ethereum address']);
    expect(issues(cryptoWithdrawalSchema.safeParse({ ...base, network: 'polygon' }))[0]).toMatch(/^network: UNSUPPORTED_NETWORK/);
    expect(cryptoWithdrawalSchema.safeParse({ ...base, currency: 'usdt', network: 'POLYGON', amount: '5' }).success).toBe(true);
    expect(issues(cryptoWithdrawalSchema.safeParse({ ...base, amount: '0.000000001' }))).toEqual(['amount: eth takes at most 8 decimals']);
  });

  it('refuses an exchange into the same currency', () => {
    const result = executeExchangeSchema.safeParse({ externalUserId: 'user-1', lockId: 'lock-1', amount: '1', currencyFrom: 'eur', currencyTo: 'EUR' });
    expect(issues(result)).toEqual(['currencyTo: must differ from currencyFrom']);
  });

  it('requires the caller-scoped request id on every money movement command', () => {
    const command = PaymentsCommands.executeExchange.schema.safeParse({ externalUserId: 'user-1', lockId: 'lock-1', amount: '1', currencyFrom: 'eur', currencyTo: 'btc' });
    expect(issues(command)).toEqual(['requestId: Invalid input: expected string, received undefined']);
  });

  it('publishes an event for every final status of every movement kind', () => {
    expect(settlementEventType('exchange', 'COMPLETED')).toBe('payments.exchange.completed.v1');
    expect(settlementEventType('crypto-deposit', 'HELD')).toBe('payments.crypto-deposit.travel-rule-required.v1');
    expect(settlementEventType('exchange', 'PENDING')).toBeUndefined();
    expect(['COMPLETED', 'FAILED'].map((s) => settlementEventType('order', s as 'COMPLETED'))).toEqual(['payments.order.completed.v1', 'payments.order.failed.v1']);
    expect(['COMPLETED', 'FAILED'].map((s) => settlementEventType('payment-link', s as 'COMPLETED'))).toEqual(['payments.payment-link.paid.v1', 'payments.payment-link.expired.v1']);
    expect(settlementEventType('order', 'PROCESSING')).toBeUndefined();
  });

  it('locks an order for a crypto currency and an EUR amount with cents at most, on a network the currency goes over', () => {
    expect(orderLockSchema.parse({ currency: 'USDC', amount: '346.59', network: 'POLYGON' })).toEqual({ currency: 'usdc', amount: '346.59', network: 'polygon' });
    expect(orderLockSchema.safeParse({ currency: 'btc', amount: '10' }).success).toBe(true);
    expect(issues(orderLockSchema.safeParse({ currency: 'btc', amount: '10.001' }))).toEqual(['amount: eur takes at most 2 decimals']);
    expect(issues(orderLockSchema.safeParse({ currency: 'btc', amount: '10', network: 'polygon' }))[0]).toMatch(/^network: UNSUPPORTED_NETWORK/);
    expect(issues(orderLockSchema.safeParse({ currency: 'eur', amount: '10' }))[0]).toMatch(/^currency: UNSUPPORTED_CURRENCY/);
  });

  it('takes payment links in eur with an https redirect only', () => {
    expect(paymentLinkSchema.parse({ amount: '49.90' })).toEqual({ amount: '49.90', currency: 'eur' });
    expect(paymentLinkSchema.safeParse({ amount: '49.90', redirectUrl: 'https://shop.example.com/thanks', description: 'Order #1234' }).success).toBe(true);
    expect(issues(paymentLinkSchema.safeParse({ amount: '1', redirectUrl: 'http://shop.example.com/thanks' }))).toEqual(['redirectUrl: must be an https URL']);
    expect(issues(paymentLinkSchema.safeParse({ amount: '1', redirectUrl: `https://shop.example.com/${'a'.repeat(2048)}` }))[0]).toMatch(/^redirectUrl:/);
    expect(issues(paymentLinkSchema.safeParse({ amount: '1', currency: 'usdc' }))[0]).toMatch(/^currency: UNSUPPORTED_CURRENCY/);
    expect(issues(paymentLinkSchema.safeParse({ amount: '1.999' }))).toEqual(['amount: eur takes at most 2 decimals']);
    expect(issues(PartnerPaymentsCommands.generateHostedCheckout.schema.safeParse({ amount: '1' }))).toEqual(['requestId: Invalid input: expected string, received undefined']);
  });

  it('takes the partner\'s own movements as the user\'s without externalUserId, with the same checks', () => {
    const exchange = { lockId: 'lock-1', amount: '10.00', currencyFrom: 'eur', currencyTo: 'btc' };
    expect(partnerExecuteExchangeSchema.safeParse(exchange).success).toBe(true);
    expect(issues(partnerExecuteExchangeSchema.safeParse({ ...exchange, externalUserId: 'u-1' }))[0]).toMatch(/externalUserId/);
    expect(issues(partnerExecuteExchangeSchema.safeParse({ ...exchange, currencyTo: 'eur' }))).toEqual(['currencyTo: must differ from currencyFrom']);
    expect(issues(partnerExecuteExchangeSchema.safeParse({ ...exchange, amount: '1.001' }))).toEqual(['amount: eur takes at most 2 decimals']);

    const payout = { amount: '5.00', destinationIban: 'DE89370400440532013000', transferTitle: 'supplier' };
    expect(partnerSepaTransferSchema.parse(payout)).toMatchObject({ currency: 'eur' });
    expect(issues(partnerSepaTransferSchema.safeParse({ ...payout, destinationIban: 'DE89370400440532013001' }))[0]).toMatch(/^destinationIban: INVALID_IBAN/);
    expect(issues(partnerSepaTransferSchema.safeParse({ ...payout, receiverType: 'COMPANY' }))).toEqual(['companyName: required for a COMPANY receiver']);

    const withdrawal = { currency: 'eth', amount: '0.01', walletAddress: `0x${'5a'.repeat(20)}`, recipientName: 'Acme', walletType: 'CUSTODIAL', receiverType: 'LEGAL' };
    expect(partnerCryptoWithdrawalSchema.safeParse(withdrawal).success).toBe(true);
    expect(issues(partnerCryptoWithdrawalSchema.safeParse({ ...withdrawal, walletAddress: 'nope' }))[0]).toMatch(/^walletAddress: INVALID_ADDRESS/);

    expect(partnerTravelRuleSchema.safeParse({ movementId: '5b0f6c7e-2f55-4c39-9d5e-8d2f4f0c1a11', senderName: 'A', walletType: 'OTHER', senderType: 'NATURAL' }).success).toBe(true);
    expect(PartnerPaymentsCommands.executeExchange.schema.safeParse(exchange).success).toBe(false);
  });
});
