import { json } from '../test/support/test-sandbox';
import { describeContractCases, type ContractCase } from './support/contract-case';
import { startContractHarness, type ContractHarness } from './support/contract-harness';
import { activeUser, createdUser, jpeg, unknownUser, userInput } from './support/fixtures';

const onboarding: ContractCase[] = [
  {
    operationId: 'createUserAccount',
    happy: (h) => h.client.users.create(userInput()),
    documentedError: {
      code: 'P411',
      call: async (h) => {
        const input = userInput();
        await h.client.users.create(input);
        return h.client.users.create(input);
      },
    },
  },
  {
    operationId: 'addKycFile',
    happy: async (h) => {
      const externalUserId = await createdUser(h);
      const result = await h.client.kyc.addKycFiles(externalUserId, [jpeg('front.jpg'), jpeg('selfie.jpg')]);
      await h.webhook('kyc-file-status', (body) => body.externalUserId === externalUserId && body.status === 'ADDED');
      return result;
    },
    documentedError: { code: 'P412', call: (h) => h.client.kyc.addKycFiles(unknownUser(), [jpeg()]) },
  },
  {
    operationId: 'addUserVerification',
    happy: async (h) => {
      const externalUserId = await createdUser(h);
      const result = await h.client.users.addVerification({ externalUserId });
      await h.webhook('kyc-verification-status', (body) => body.externalUserId === externalUserId);
      await h.webhook('user-status', (body) => body.externalUserId === externalUserId && body.status === 'ACTIVE');
      return result;
    },
    documentedError: { code: 'P412', call: (h) => h.client.users.addVerification({ externalUserId: unknownUser() }) },
  },
  {
    operationId: 'getUserBalances',
    happy: async (h) => {
      const balances = await h.client.users.getBalances(await activeUser(h));
      // The client reads every amount as an exact decimal string.
      expect(balances.fiatBalances[0]).toMatchObject({ name: 'eur', amount: '0.00', status: 'ACTIVE' });
      return balances;
    },
    documentedError: { code: 'P412', call: (h) => h.client.users.getBalances(unknownUser()) },
  },
  {
    operationId: 'createKycVerification',
    happy: async (h) => h.client.kyc.createVerification(kycSession(await createdUser(h))),
    documentedError: { code: 'P412', call: (h) => h.client.kyc.createVerification(kycSession(unknownUser())) },
  },
  {
    operationId: 'redirectToVerification',
    happy: async (h) => {
      const externalUserId = await createdUser(h);
      const { verificationId } = await h.client.kyc.createVerification(kycSession(externalUserId));
      const page = await h.client.kyc.getVerificationPage(externalUserId, verificationId);
      expect(page).toContain('<html');
      return page;
    },
    documentedError: { code: 'P412', call: (h) => h.client.kyc.getVerificationPage(unknownUser(), 'f47ac10b-58cc-4372-a567-0e02b2c3d479') },
  },
  {
    operationId: 'getKycStatus',
    happy: async (h) => {
      const externalUserId = await createdUser(h);
      await h.client.kyc.createVerification(kycSession(externalUserId));
      return h.client.kyc.getStatus(externalUserId);
    },
    // 404 P445: the user exists but never started a hosted verification.
    documentedError: { code: 'P445', call: async (h) => h.client.kyc.getStatus(await createdUser(h)) },
  },
  {
    operationId: 'addPoaFile',
    happy: async (h) => {
      const externalUserId = await poaRequiredUser(h);
      const result = await h.client.kyc.addPoaFiles(externalUserId, [{ filename: 'bill.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 bill') }]);
      await h.webhook('poa-verification-status', (body) => body.externalUserId === externalUserId);
      return result;
    },
    // 404 P460: this user's KYC decision did not ask for a proof of address.
    documentedError: { code: 'P460', call: async (h) => h.client.kyc.addPoaFiles(await createdUser(h), [jpeg('bill.jpg')]) },
  },
];

/** Method B session input for a Polish salaried user. */
const kycSession = (externalUserId: string) => ({
  externalUserId,
  documentType: 'ID_CARD' as const,
  country: 'PL',
  incomeSource: 'SALARY' as const,
  openAccountReason: 'INVESTMENTS_OR_CRYPTOCURRENCIES' as const,
  occupation: 'IT' as const,
  additionalInfo: 'Software engineer',
});

/** A user whose KYC decision asked for a proof of address (high-risk webhook delivered). */
async function poaRequiredUser(h: ContractHarness): Promise<string> {
  const externalUserId = await createdUser(h);
  const decision = await h.sandbox.admin(`/admin/users/${externalUserId}/kyc-decision`, { ...json({ decision: 'poa_required' }), method: 'PUT' });
  expect(decision.status).toBe(200);
  await h.client.users.addVerification({ externalUserId });
  await h.webhook('high-risk-kyc-verification', (body) => body.externalUserId === externalUserId);
  return externalUserId;
}

describe('P100 contract: onboarding (users, KYC, balances)', () => {
  let harness: ContractHarness;
  beforeAll(async () => {
    harness = await startContractHarness('onboarding');
  });
  afterAll(() => harness?.close());

  describeContractCases(() => harness, onboarding);

  it('delivers the high-risk KYC webhook when the KYC decision asks for proof of address, valid against openapi.yaml', async () => {
    await poaRequiredUser(harness);
  });
});
