import { describeContractCases, type ContractCase } from './support/contract-case';
import { startContractHarness, type ContractHarness } from './support/contract-harness';
import { ACCESS_DENIED, activeUser, credit, thisMonth, unknownUser } from './support/fixtures';

/** A funded, KYC-approved user with a fresh exchange lock. */
async function userWithLock(h: ContractHarness) {
  const externalUserId = await activeUser(h);
  await credit(h, 'eur', '100.00', externalUserId);
  const lock = await h.client.exchange.getLock(externalUserId);
  return { externalUserId, lockId: lock.id };
}

async function settledExchange(h: ContractHarness): Promise<string> {
  const { externalUserId, lockId } = await userWithLock(h);
  const { exchangeId } = await h.client.exchange.execute({ sourceExternalUserId: externalUserId, amount: '10.00', currencyFrom: 'eur', currencyTo: 'btc', lockId });
  await h.webhook('exchange', (body) => body.exchangeId === exchangeId || body.id === exchangeId);
  return exchangeId;
}

async function settledTransfer(h: ContractHarness): Promise<string> {
  const externalUserId = await activeUser(h);
  await credit(h, 'eur', '50.00');
  const { transferId } = await h.client.transfers.create({ destinationExternalUserId: externalUserId, amount: '5.00', currency: 'eur' });
  await h.webhook('internal-transfer', (body) => body.id === transferId);
  return transferId;
}

const money: ContractCase[] = [
  {
    operationId: 'getExchangeRates',
    happy: (h) => h.client.exchange.getRates(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.exchange.getRates() },
  },
  {
    operationId: 'partnerGetExchangeRate',
    happy: (h) => h.client.exchange.partnerGetRates(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.exchange.partnerGetRates() },
  },
  {
    operationId: 'getExchangeLock',
    happy: async (h) => h.client.exchange.getLock(await activeUser(h)),
    documentedError: { code: 'P412', call: (h) => h.client.exchange.getLock(unknownUser()) },
  },
  {
    operationId: 'partnerGetExchangeLock',
    happy: (h) => h.client.exchange.partnerGetLock(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.exchange.partnerGetLock() },
  },
  {
    operationId: 'userExecuteExchange',
    happy: async (h) => {
      const { externalUserId, lockId } = await userWithLock(h);
      const result = await h.client.exchange.execute({ sourceExternalUserId: externalUserId, amount: '10.00', currencyFrom: 'eur', currencyTo: 'btc', lockId });
      await h.webhook('exchange', (body) => body.exchangeId === result.exchangeId || body.id === result.exchangeId);
      return result;
    },
    documentedError: {
      code: 'P412',
      call: async (h) => {
        const { lockId } = await userWithLock(h);
        return h.client.exchange.execute({ sourceExternalUserId: unknownUser(), amount: '10.00', currencyFrom: 'eur', currencyTo: 'btc', lockId });
      },
    },
  },
  {
    operationId: 'partnerExecuteExchange',
    happy: async (h) => {
      await credit(h, 'eur', '100.00');
      const lock = await h.client.exchange.partnerGetLock();
      return h.client.exchange.partnerExecute({ amount: '10.00', currencyFrom: 'eur', currencyTo: 'eth', lockId: lock.id });
    },
    documentedError: {
      code: 'P403',
      call: async (h) => {
        const lock = await h.client.exchange.partnerGetLock();
        return h.client.exchange.partnerExecute({ amount: '10.00', currencyFrom: 'eur', currencyTo: 'eur', lockId: lock.id });
      },
    },
  },
  {
    operationId: 'getExchangeDetails',
    happy: async (h) => h.client.exchange.getDetails(await settledExchange(h)),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.exchange.getDetails('f47ac10b-58cc-4372-a567-0e02b2c3d479') },
  },
  {
    operationId: 'createInternalTransfer',
    happy: async (h) => {
      const externalUserId = await activeUser(h);
      const result = await h.client.transfers.create({ destinationExternalUserId: externalUserId, amount: '5.00', currency: 'eur' });
      await h.webhook('internal-transfer', (body) => body.id === result.transferId);
      return result;
    },
    documentedError: {
      code: 'P424',
      call: async (h) => {
        const externalUserId = await activeUser(h);
        return h.client.transfers.create({ sourceExternalUserId: externalUserId, destinationExternalUserId: externalUserId, amount: '5.00', currency: 'eur' } as never);
      },
    },
  },
  {
    operationId: 'getInternalTransferDetails',
    happy: async (h) => h.client.transfers.getDetails(await settledTransfer(h)),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.transfers.getDetails('f47ac10b-58cc-4372-a567-0e02b2c3d479') },
  },
  {
    operationId: 'partnerCreateMasterBalanceTransfer',
    happy: (h) => h.client.transfers.createMasterBalanceTransfer({ amount: '1.00', currency: 'eur' }),
    documentedError: { code: 'P403', call: (h) => h.client.transfers.createMasterBalanceTransfer({ amount: '1.001', currency: 'eur' }) },
  },
  {
    operationId: 'getPartnerBalances',
    happy: (h) => h.client.partner.getBalances(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.partner.getBalances() },
  },
  {
    operationId: 'partnerGetTransactionHistory',
    happy: (h) => h.client.partner.getTransactionHistory(thisMonth()),
    documentedError: { code: 'P403', call: (h) => h.client.partner.getTransactionHistory({ month: 13, year: thisMonth().year }) },
  },
  {
    operationId: 'getUserTransactionHistory',
    happy: async (h) => h.client.users.getTransactionHistory(await activeUser(h), thisMonth()),
    documentedError: { code: 'P412', call: (h) => h.client.users.getTransactionHistory(unknownUser(), thisMonth()) },
  },
  {
    operationId: 'partnerCreateWallet',
    happy: async (h) => {
      const result = await h.client.partner.createWallet({ currency: 'btc' });
      await h.webhook('wallet-created', (body) => body.currency === 'btc');
      return result;
    },
    documentedError: { code: 'P403', call: (h) => h.client.partner.createWallet({ currency: 'gold' } as never) },
  },
];

describe('P100 contract: money (exchange, transfers, partner balances, history, wallets)', () => {
  let harness: ContractHarness;
  beforeAll(async () => {
    harness = await startContractHarness('money');
  });
  afterAll(() => harness?.close());

  describeContractCases(() => harness, money);
});
