import { cryptoWithdrawalSchema, executeExchangeSchema, ibanChecksumValid, ibanSchema, PaymentsCommands, positiveAmountSchema, sepaTransferSchema, settlementEventType } from '../index';

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
  });
});
