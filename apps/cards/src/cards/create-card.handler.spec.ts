import { CardsCommands } from '@platform/contracts';
import type { IntentLog } from '@platform/database';
import { P100CircuitOpenError, p100ErrorToReply, type P100Client } from '@platform/p100-client';
import type { DataSource } from 'typeorm';
import type { CardEntity } from './card.entity';
import type { CardLifecycle } from './card-lifecycle';
import type { CardsRepository } from './cards.repository';
import { CreateCardHandler, createCardIntentRequest } from './create-card.handler';

const input = { externalUserId: 'user-1', label: 'Travel', pin: '4821', requestId: 'wallet:key-1' };

/** The handler over stub ports: what it writes and calls, without a database or P100. */
function handlerWith(options: { breakerOpen?: boolean; known?: Partial<CardEntity> } = {}) {
  const cards = {
    findByRequestId: jest.fn(async () => (options.known ? ({ externalUserId: 'user-1', label: 'Travel', cardId: null, ...options.known } as CardEntity) : null)),
    insertCreating: jest.fn(async () => true),
    findById: jest.fn(),
    removeCreating: jest.fn(),
  };
  const intents = { execute: jest.fn() };
  const p100 = {
    failFastIfOpen: jest.fn(() => {
      if (options.breakerOpen) throw new P100CircuitOpenError('cards', 'createVirtualCard');
    }),
    cards: { create: jest.fn() },
  };
  const handler = new CreateCardHandler({ transaction: jest.fn(), manager: {} } as unknown as DataSource, cards as unknown as CardsRepository, {} as CardLifecycle, intents as unknown as IntentLog, p100 as unknown as P100Client);
  return { handler, cards, intents, p100 };
}

describe('CreateCardHandler', () => {
  it('writes nothing and calls nobody while the cards breaker is open, and answers P100_UNAVAILABLE', async () => {
    const { handler, cards, intents, p100 } = handlerWith({ breakerOpen: true });
    const error = await handler.handle(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100CircuitOpenError);
    expect(p100ErrorToReply(error)).toMatchObject({ code: 'P100_UNAVAILABLE' });
    expect(cards.insertCreating).not.toHaveBeenCalled();
    expect(intents.execute).not.toHaveBeenCalled();
    expect(p100.cards.create).not.toHaveBeenCalled();
  });

  it('answers a repeat of an issued card from its row, even while P100 is failing', async () => {
    const now = new Date();
    const { handler, intents, p100 } = handlerWith({ breakerOpen: true, known: { cardId: 'card-1', status: 'ACTIVE', lastFour: '1234', limits: null, createdAt: now, updatedAt: now } });
    await expect(handler.handle(input)).resolves.toMatchObject({ cardId: 'card-1', status: 'ACTIVE', lastFour: '1234' });
    expect(intents.execute).not.toHaveBeenCalled();
    expect(p100.failFastIfOpen).not.toHaveBeenCalled();
  });

  it('records an intent without the PIN', () => {
    expect(createCardIntentRequest(CardsCommands.createCard.schema.parse(input))).toEqual({ externalUserId: 'user-1', label: 'Travel', requestId: 'wallet:key-1' });
  });
});
