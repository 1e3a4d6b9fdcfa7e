import { cryptoDepositRecord, cryptoWithdrawalRecord } from '../crypto/crypto.records';
import { exchangeRecord } from '../exchange/exchange.records';
import { ledgerEntriesOf } from '../ledger/ledger-entries';
import { orderRecord } from '../orders/order.records';
import { paymentLinkRecord } from '../orders/payment-link.records';
import { rejectedSepaDepositRecord, sepaTransferRecord } from '../sepa/sepa.records';
import { transferKindOf, transferRecord } from '../transfers/transfer.records';
import { movesForward } from './movement-lifecycle';
import { ownerOf, type MovementRow } from './movement';

const row = (overrides: Partial<MovementRow>): MovementRow => ({
  id: 'm-1', kind: 'exchange', external_user_id: 'user-1', request_id: 'c:k', request_hash: 'h', status: 'PENDING', amount: '100.00', currency: 'eur',
  amount_to: null, currency_to: null, fee: null, fee_currency: null, p100_id: 'p-1', p100_status: null, counterparty: null, transaction_hash: null,
  url: null, lock_id: null, failure_code: null, failure_reason: null, created_at: new Date(), updated_at: new Date(), settled_at: null, checks: 0, ...overrides,
});

describe('the owner of a command', () => {
  it('is the user it names, else the partner (partner commands carry no externalUserId)', () => {
    expect(ownerOf({ externalUserId: 'user-1', amount: '1' })).toBe('user-1');
    expect(ownerOf({ amount: '1' })).toBeNull();
  });
});

describe('movement lifecycle', () => {
  it('moves forward only: a late PENDING never undoes COMPLETED, and UNKNOWN resolves upwards', () => {
    expect(movesForward('PENDING', 'COMPLETED')).toBe(true);
    expect(movesForward('COMPLETED', 'PENDING')).toBe(false);
    expect(movesForward('COMPLETED', 'FAILED')).toBe(false);
    expect(movesForward('UNKNOWN', 'PENDING')).toBe(true);
    expect(movesForward('HELD', 'PENDING')).toBe(false);
    expect(movesForward('HELD', 'PROCESSING')).toBe(true);
  });
});

describe('P100 reports read into our terms', () => {
  it('reads an exchange in any spelling of its final status, with the net amount and the fee in the target currency', () => {
    expect(exchangeRecord({ exchangeId: 'x1', status: 'successful', amount: '100', currencyFrom: 'EUR', currencyTo: 'btc', amountTo: '0.0017', fee: '0.00002' })).toMatchObject({
      p100Id: 'x1', status: 'COMPLETED', currency: 'eur', amountTo: '0.0017', fee: '0.00002', feeCurrency: 'btc',
    });
    expect(exchangeRecord({ id: 'x2', status: 'FAILED', error: { description: 'Insufficient funds', status: 'insufficient-funds' } })).toMatchObject({
      status: 'FAILED', failureReason: 'Insufficient funds (insufficient-funds)',
    });
    expect(exchangeRecord({ id: 'x3', status: 'REVERSED' })).toBeUndefined();
  });

  it('tells a transfer\'s direction from which user id it carries', () => {
    const body = { id: 't1', sourceExternalUserId: 'user-1', destinationExternalUserId: null, amount: '10', currency: 'EUR', status: 'SUCCESSFUL' };
    expect(transferKindOf(body)).toBe('transfer-to-partner');
    expect(transferKindOf({ ...body, sourceExternalUserId: null, destinationExternalUserId: 'user-1' })).toBe('transfer-from-partner');
    expect(transferRecord(body)).toMatchObject({ status: 'COMPLETED', externalUserId: 'user-1', currency: 'eur' });
  });

  it('reads a SEPA payout\'s fee only when it succeeded, and names a rejected deposit by its sender and time', () => {
    expect(sepaTransferRecord({ id: 's1', status: 'SUCCESSFUL', amount: '100', fee: '1', destinationIban: 'DE89370400440532013000' })).toMatchObject({ fee: '1', counterparty: 'DE89370400440532013000' });
    expect(sepaTransferRecord({ id: 's1', status: 'FAILED', fee: '1' })!.fee).toBeUndefined();
    expect(rejectedSepaDepositRecord({ iban: 'DE89370400440532013000', amount: '5', status: 'REJECTED', createdAt: '2026-12-01T00:00:00.000Z' })).toMatchObject({
      p100Id: 'iban-status:DE89370400440532013000:2026-12-01T00:00:00.000Z', status: 'FAILED',
    });
    expect(rejectedSepaDepositRecord({ iban: 'DE89370400440532013000', amount: '5', status: 'APPROVED' })).toBeUndefined();
  });

  it('reads a withdrawal from the webhook (destination) and from details (walletAddress) alike', () => {
    const common = { id: 'w1', status: 'SUCCESSFUL', amount: '0.01', fee: '0.003469', currency: 'ETH', transactionHash: '0xabc' };
    expect(cryptoWithdrawalRecord({ ...common, destination: '0x1' })).toMatchObject({ status: 'COMPLETED', counterparty: '0x1', feeCurrency: 'eth' });
    expect(cryptoWithdrawalRecord({ ...common, walletAddress: '0x1' })!.counterparty).toBe('0x1');
  });

  it('maps order statuses, keeps the deposit address once P100 assigned it, and says why an order ended unpaid', () => {
    const order = { orderId: 'o1', lockId: 'l1', cryptocurrency: 'BTC', totalAmountRequired: '0.0012', receivedAmount: '0', walletAddress: null, network: 'BTC' };
    const statuses = ['WAITING_FOR_WALLET_ADDRESS', 'WAITING_FOR_PAYMENT', 'WAITING_FOR_CONFIRMATION', 'COMPLETED', 'UNDERPAID', 'EXPIRED'];
    expect(statuses.map((status) => orderRecord({ ...order, status })!.status)).toEqual(['PENDING', 'PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'FAILED']);
    expect(orderRecord({ ...order, status: 'WAITING_FOR_PAYMENT', walletAddress: 'tb1qaddress' })).toMatchObject({ counterparty: 'tb1qaddress', amount: '0.0012', currency: 'btc' });
    expect(orderRecord({ ...order, status: 'UNDERPAID', receivedAmount: '0.001' })).toMatchObject({ failureCode: 'UNDERPAID', failureReason: 'the payer sent 0.001 of the 0.0012 btc required' });
    expect(orderRecord({ ...order, status: 'EXPIRED' })).toMatchObject({ failureCode: 'EXPIRED' });
    expect(orderRecord({ ...order, status: 'COMPLETED' })!.failureCode).toBeUndefined();
    expect(orderRecord({ ...order, status: 'REFUNDED' })).toBeUndefined();
  });

  it('maps payment link statuses, with the page from its details', () => {
    const link = (status: string) => paymentLinkRecord({ paymentLinkId: 'pl1', status, amount: '49.9', currency: 'EUR', url: 'https://checkout.example/pay/pl1' })!;
    expect(['ACTIVE', 'PAID', 'EXPIRED'].map((s) => link(s).status)).toEqual(['PENDING', 'COMPLETED', 'FAILED']);
    expect(link('EXPIRED')).toMatchObject({ failureCode: 'EXPIRED', currency: 'eur', url: 'https://checkout.example/pay/pl1' });
  });

  it('maps crypto deposit statuses, travel-rule hold included', () => {
    const deposit = (status: string) => cryptoDepositRecord({ cryptoDepositId: 'd1', amount: '1', currency: 'btc', status })!.status;
    expect(['WAITING_FOR_VERIFICATION', 'WAITING_FOR_TR_DATA', 'SUCCESSFUL', 'UNSUCCESSFUL'].map(deposit)).toEqual(['PENDING', 'HELD', 'COMPLETED', 'FAILED']);
  });
});

describe('ledger entries of each kind', () => {
  it('debits the source and credits the net target of an exchange', () => {
    expect(ledgerEntriesOf(row({ amount_to: '0.0017', currency_to: 'btc' }))).toEqual([
      { account: 'user:user-1', currency: 'eur', sign: -1, amounts: ['100.00'] },
      { account: 'user:user-1', currency: 'btc', sign: 1, amounts: ['0.0017'] },
    ]);
  });

  it('takes payout fees on top of the amount, once known', () => {
    expect(ledgerEntriesOf(row({ kind: 'crypto-withdrawal', currency: 'eth', amount: '0.01', fee: '0.003', fee_currency: 'eth' }))).toEqual([
      { account: 'user:user-1', currency: 'eth', sign: -1, amounts: ['0.01', '0.003'] },
    ]);
    expect(ledgerEntriesOf(row({ kind: 'sepa-transfer' }))[0]!.amounts).toEqual(['100.00']);
  });

  it('credits the partner once an order or a payment link is paid, and holds nothing while a payer may still not pay', () => {
    const order = row({ kind: 'order', external_user_id: null, amount: '0.0012', currency: 'btc', amount_to: '100.00', currency_to: 'eur' });
    expect(ledgerEntriesOf(order)).toEqual([]);
    expect(ledgerEntriesOf({ ...order, status: 'COMPLETED' })).toEqual([{ account: 'partner', currency: 'eur', sign: 1, amounts: ['100.00'] }]);
    expect(ledgerEntriesOf({ ...order, status: 'FAILED' })).toEqual([]);
    const link = row({ kind: 'payment-link', external_user_id: null, amount: '49.90' });
    expect(ledgerEntriesOf(link)).toEqual([]);
    expect(ledgerEntriesOf({ ...link, status: 'COMPLETED' })).toEqual([{ account: 'partner', currency: 'eur', sign: 1, amounts: ['49.90'] }]);
  });

  it('moves internal transfers between the user and the partner', () => {
    expect(ledgerEntriesOf(row({ kind: 'transfer-from-partner' })).map((e) => [e.account, e.sign])).toEqual([['partner', -1], ['user:user-1', 1]]);
  });
});
