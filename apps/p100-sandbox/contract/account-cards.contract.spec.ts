import type { CardRef, NonKycCreateUserRequest } from '@platform/p100-client';
import { json } from '../test/support/test-sandbox';
import { describeContractCases, type ContractCase } from './support/contract-case';
import { startContractHarness, type ContractHarness } from './support/contract-harness';
import { ACCESS_DENIED, activeUser, createdUser, credit, unknownUser } from './support/fixtures';

const UNKNOWN_CARD: CardRef = { externalUserId: 'no-such-user', cardId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' };

const nonKycUser = (): NonKycCreateUserRequest => {
  const id = `non-kyc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return { externalUserId: id, email: `${id}@example.pl`, firstName: 'Anna', lastName: 'Nowak', country: 'PL', documentType: 'PASSPORT', documentNumber: 'AB123456' } as NonKycCreateUserRequest;
};

/** A KYC-approved user (PL resident: card country) with one ACTIVE card. */
async function userWithCard(h: ContractHarness): Promise<CardRef> {
  const externalUserId = await activeUser(h);
  const { cardId } = await h.client.cards.create({ externalUserId, label: 'Travel', pin: '1234' });
  return { externalUserId, cardId };
}

async function adminPost(h: ContractHarness, path: string, body: unknown = {}): Promise<void> {
  const response = await h.sandbox.admin(path, json(body));
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

const wrongKey = (call: (h: ContractHarness) => Promise<unknown>) => ({ code: ACCESS_DENIED, call });

const accountAndCards: ContractCase[] = [
  {
    operationId: 'createNonKycUser',
    happy: (h) => h.client.users.createNonKyc(nonKycUser()),
    documentedError: {
      code: 'P411',
      call: async (h) => {
        const input = nonKycUser();
        await h.client.users.createNonKyc(input);
        return h.client.users.createNonKyc({ ...input, email: `other.${input.email}` });
      },
    },
  },
  {
    operationId: 'extendUser',
    happy: async (h) => h.client.users.extend(await activeUser(h)),
    documentedError: { code: 'P412', call: (h) => h.client.users.extend(unknownUser()) },
  },
  {
    operationId: 'updateUser',
    happy: async (h) => h.client.users.update(await createdUser(h), { city: 'Kraków', street: 'Floriańska', number: '7' }),
    documentedError: { code: 'P412', call: (h) => h.client.users.update(unknownUser(), { city: 'Kraków' }) },
  },
  {
    operationId: 'deleteUser',
    happy: async (h) => h.client.users.delete(await createdUser(h)),
    documentedError: { code: 'P412', call: (h) => h.client.users.delete(unknownUser()) },
  },
  {
    operationId: 'suspendUser',
    happy: async (h) => h.client.users.suspend(await createdUser(h)),
    documentedError: { code: 'P454', call: async (h) => h.client.users.suspend((await userWithCard(h)).externalUserId) },
  },
  {
    operationId: 'unsuspendUser',
    happy: async (h) => {
      const externalUserId = await createdUser(h);
      await h.client.users.suspend(externalUserId);
      return h.client.users.unsuspend(externalUserId);
    },
    documentedError: { code: 'P412', call: (h) => h.client.users.unsuspend(unknownUser()) },
  },
  {
    operationId: 'createVirtualCard',
    happy: async (h) => h.client.cards.create({ externalUserId: await activeUser(h), label: 'Groceries', pin: '4321' }),
    documentedError: { code: 'P412', call: (h) => h.client.cards.create({ externalUserId: unknownUser(), label: 'Groceries', pin: '4321' }) },
  },
  {
    operationId: 'getAllUserCards',
    happy: async (h) => h.client.cards.getAll((await userWithCard(h)).externalUserId),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.getAll(UNKNOWN_CARD.externalUserId)),
  },
  {
    operationId: 'getCardDetails',
    happy: async (h) => h.client.cards.getDetails(await userWithCard(h)),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.getDetails(UNKNOWN_CARD)),
  },
  {
    operationId: 'updateCardPin',
    happy: async (h) => h.client.cards.updatePin({ ...(await userWithCard(h)), pin: '9876' }),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.updatePin({ ...UNKNOWN_CARD, pin: '9876' })),
  },
  {
    operationId: 'blockCard',
    happy: async (h) => h.client.cards.block(await userWithCard(h)),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.block(UNKNOWN_CARD)),
  },
  {
    operationId: 'unblockCard',
    happy: async (h) => {
      const card = await userWithCard(h);
      await h.client.cards.block(card);
      return h.client.cards.unblock(card);
    },
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.unblock(UNKNOWN_CARD)),
  },
  {
    operationId: 'getCardLimits',
    happy: async (h) => h.client.cards.getLimits(await userWithCard(h)),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.getLimits(UNKNOWN_CARD)),
  },
  {
    operationId: 'updateCardLimits',
    happy: async (h) => h.client.cards.updateLimits(await userWithCard(h), { dailyTrxAll: '500', monthlyTrxAll: '5000', dailyTrxAtm: '200', monthlyTrxAtm: '1000', dailyTrxEcom: '300', monthlyTrxEcom: '3000' }),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.updateLimits(UNKNOWN_CARD, { dailyTrxAll: '500' })),
  },
  {
    operationId: 'deleteCard',
    happy: async (h) => h.client.cards.delete(await userWithCard(h)),
    documentedError: wrongKey((h) => h.wrongKeyClient.cards.delete(UNKNOWN_CARD)),
  },
];

describe('P100 contract: account management and virtual cards', () => {
  let harness: ContractHarness;
  beforeAll(async () => {
    harness = await startContractHarness('account-cards');
  });
  afterAll(() => harness?.close());

  describeContractCases(() => harness, accountAndCards);

  it('delivers the card webhooks only P100 can cause (transaction, 3DS, activation) valid against openapi.yaml', async () => {
    const h = harness;
    const card = await userWithCard(h);
    await credit(h, 'eur', '100.00', card.externalUserId);
    await adminPost(h, `/admin/cards/${card.cardId}/transactions`, { amount: '12.50', merchantName: 'Coffee Shop' });
    await adminPost(h, `/admin/cards/${card.cardId}/3ds-code`, { amount: '49.99', merchantName: 'Web Shop' });
    await adminPost(h, `/admin/cards/${card.cardId}/activation-code`);

    const forCard = (body: Record<string, unknown>) => body.cardId === card.cardId;
    await h.webhook('card-transaction', forCard);
    await h.webhook('card-3ds-code', forCard);
    await h.webhook('card-activation-code', forCard);
  });
});
