import type { CryptoWithdrawalRequest, PartnerCryptoWithdrawalRequest } from '@platform/p100-client';
import { json } from '../test/support/test-sandbox';
import { describeContractCases, type ContractCase } from './support/contract-case';
import { startContractHarness, type ContractHarness } from './support/contract-harness';
import { ACCESS_DENIED, activeUser, credit, unknownUser } from './support/fixtures';

const SENDER_IBAN = 'DE89370400440532013000';
const ETH_ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';
const UNKNOWN_ID = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';

const withdrawal = (overrides: Partial<PartnerCryptoWithdrawalRequest> = {}): PartnerCryptoWithdrawalRequest => ({
  currency: 'eth',
  amount: '0.01',
  walletAddress: ETH_ADDRESS,
  name: 'Jan Kowalski',
  walletType: 'NON_CUSTODIAL',
  receiverType: 'NATURAL',
  ...overrides,
});

const userWithdrawal = (sourceExternalUserId: string): CryptoWithdrawalRequest => ({ ...withdrawal(), sourceExternalUserId });

async function admin(h: ContractHarness, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await h.sandbox.admin(path, json(body));
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** An incoming SEPA transfer from the user's own account (names match), approved and credited. */
async function approvedSepaDeposit(h: ContractHarness): Promise<string> {
  const externalUserId = await activeUser(h);
  await admin(h, '/admin/sepa/deposits', { externalUserId, amount: '25.00', senderName: 'Jan Kowalski', senderIban: SENDER_IBAN });
  await h.webhook('iban-status', (body) => body.externalUserId === externalUserId && body.status === 'APPROVED');
  await h.webhook('sepa-deposit', (body) => body.externalUserId === externalUserId);
  return externalUserId;
}

/** A user's crypto deposit above the Travel Rule threshold, held in WAITING_FOR_TR_DATA. */
async function depositWaitingForTravelRule(h: ContractHarness, externalUserId?: string): Promise<string> {
  const { cryptoDepositId } = await admin(h, '/admin/crypto/deposits', { ...(externalUserId ? { externalUserId } : {}), currency: 'btc', amount: '0.5' });
  await h.webhook('crypto-deposit', (body) => body.cryptoDepositId === cryptoDepositId && body.status === 'WAITING_FOR_TR_DATA');
  return String(cryptoDepositId);
}

async function userSepaTransfer(h: ContractHarness): Promise<string> {
  const externalUserId = await approvedSepaDeposit(h);
  const { transferId } = await h.client.sepa.createUserTransfer({
    sourceExternalUserId: externalUserId, amount: '5.00', currency: 'eur', destinationIban: SENDER_IBAN, transferTitle: 'Back to my bank',
  });
  await h.webhook('user-sepa-transfer', (body) => body.id === transferId);
  return transferId;
}

const travelRule = (cryptoDepositId: string) => ({ cryptoDepositId, name: 'Anna Nowak', walletType: 'CUSTODIAL' as const, senderType: 'NATURAL' as const });

const sepaAndCrypto: ContractCase[] = [
  {
    operationId: 'getPartnerSepaDepositInfo',
    happy: (h) => h.client.sepa.partnerDepositInfo(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.sepa.partnerDepositInfo() },
  },
  {
    operationId: 'partnerGetSepaDepositContacts',
    happy: (h) => h.client.sepa.partnerContacts(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.sepa.partnerContacts() },
  },
  {
    operationId: 'getUserSepaDepositInfo',
    happy: async (h) => h.client.sepa.userDepositInfo(await activeUser(h)),
    documentedError: { code: 'P412', call: (h) => h.client.sepa.userDepositInfo(unknownUser()) },
  },
  {
    operationId: 'getUserSepaDepositContacts',
    happy: async (h) => {
      const contacts = await h.client.sepa.userContacts(await approvedSepaDeposit(h));
      expect(contacts.contacts.map((c) => c.iban)).toContain(SENDER_IBAN);
      return contacts;
    },
    documentedError: { code: 'P412', call: (h) => h.client.sepa.userContacts(unknownUser()) },
  },
  {
    operationId: 'createPartnerSepaTransfer',
    happy: async (h) => {
      await credit(h, 'eur', '100.00');
      const result = await h.client.sepa.createPartnerTransfer({ amount: '10.00', currency: 'eur', destinationIban: SENDER_IBAN, transferTitle: 'Partner payout' });
      await h.webhook('partner-sepa-transfer', (body) => body.id === result.transferId);
      return result;
    },
    documentedError: {
      code: 'P403',
      call: (h) => h.client.sepa.createPartnerTransfer({ amount: '10.00', currency: 'eur', destinationIban: 'DE00', transferTitle: 'x' }),
    },
  },
  {
    operationId: 'createUserSepaTransfer',
    happy: (h) => userSepaTransfer(h),
    documentedError: {
      code: 'P412',
      call: (h) =>
        h.client.sepa.createUserTransfer({ sourceExternalUserId: unknownUser(), amount: '5.00', currency: 'eur', destinationIban: SENDER_IBAN, transferTitle: 'x' }),
    },
  },
  {
    operationId: 'getSepaTransferDetails',
    happy: async (h) => h.client.sepa.getTransferDetails(await userSepaTransfer(h)),
    documentedError: { code: 'P428', call: (h) => h.client.sepa.getTransferDetails(UNKNOWN_ID) },
  },
  {
    operationId: 'getNetworkFee',
    happy: (h) => h.client.crypto.getNetworkFee({ currency: 'usdc', network: 'polygon' }),
    documentedError: { code: 'P410', call: (h) => h.client.crypto.getNetworkFee({ currency: 'gold' }) },
  },
  {
    operationId: 'createCryptoWithdrawal',
    happy: async (h) => {
      const externalUserId = await activeUser(h);
      await credit(h, 'eth', '1.00000000', externalUserId);
      const result = await h.client.crypto.createWithdrawal(userWithdrawal(externalUserId));
      await h.webhook('crypto-withdrawal', (body) => body.id === result.withdrawalId);
      return result;
    },
    documentedError: { code: 'P412', call: (h) => h.client.crypto.createWithdrawal(userWithdrawal(unknownUser())) },
  },
  {
    operationId: 'partnerCreateCryptoWithdrawal',
    happy: async (h) => {
      await credit(h, 'eth', '1.00000000');
      return h.client.crypto.partnerCreateWithdrawal(withdrawal());
    },
    documentedError: { code: 'P403', call: (h) => h.client.crypto.partnerCreateWithdrawal(withdrawal({ walletAddress: 'not-an-address' })) },
  },
  {
    operationId: 'getCryptoWithdrawalDetails',
    happy: async (h) => {
      await credit(h, 'eth', '1.00000000');
      const { withdrawalId } = await h.client.crypto.partnerCreateWithdrawal(withdrawal());
      return h.client.crypto.getWithdrawalDetails(withdrawalId);
    },
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.crypto.getWithdrawalDetails(UNKNOWN_ID) },
  },
  {
    operationId: 'updateTravelRule',
    happy: async (h) => {
      const cryptoDepositId = await depositWaitingForTravelRule(h, await activeUser(h));
      const result = await h.client.crypto.updateTravelRule(travelRule(cryptoDepositId));
      await h.webhook('crypto-deposit', (body) => body.cryptoDepositId === cryptoDepositId && body.status === 'SUCCESSFUL');
      return result;
    },
    documentedError: { code: 'P403', call: (h) => h.client.crypto.updateTravelRule(travelRule(UNKNOWN_ID)) },
  },
  {
    operationId: 'partnerUpdateTravelRule',
    happy: async (h) => h.client.crypto.partnerUpdateTravelRule(travelRule(await depositWaitingForTravelRule(h))),
    documentedError: { code: 'P403', call: (h) => h.client.crypto.partnerUpdateTravelRule({ cryptoDepositId: 'not-a-uuid' }) },
  },
];

describe('P100 contract: SEPA and crypto', () => {
  let harness: ContractHarness;
  beforeAll(async () => {
    harness = await startContractHarness('sepa-crypto');
  });
  afterAll(() => harness?.close());

  describeContractCases(() => harness, sepaAndCrypto);
});
