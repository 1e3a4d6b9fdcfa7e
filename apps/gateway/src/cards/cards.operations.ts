import {
  CARDS_COMMANDS_TOPIC,
  CardsCommands,
  cardLimitsAnswerSchema,
  cardListViewSchema,
  cardRefSchema,
  cardSecretsViewSchema,
  cardViewSchema,
  createCardSchema,
  updateCardLimitsSchema,
  updateCardPinSchema,
  userCardsRefSchema,
  type CardLimitsAnswer,
  type CardListView,
  type CardRef,
  type CardSecretsView,
  type CardView,
  type CreateCardInput,
  type UpdateCardLimitsInput,
  type UpdateCardPinInput,
  type UserCardsRef,
  type CardsProto,
} from '@platform/contracts';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';
import { sendCommand } from '../operations/command.handler';
import { defineOperation } from '../operations/operation';
import { sendSecureCardsCommand } from './secure-command.handler';

/** A user's card commands stay in order per user: P100 counts cards per user. */
const byUser = (input: { externalUserId: string }) => input.externalUserId;
const userPath = { externalUserId: 'our id of the end user (P100 externalUserId)' };
const cardPath = { ...userPath, cardId: "P100's id of the card, as cards.create or cards.list answered it" };
const TOPIC = CARDS_COMMANDS_TOPIC;
const GRPC = 'CardsService';

/**
 * Virtual cards. Creation, reveal and PIN changes go on the cards secure lane (a PIN or card
 * number is in them); the rest over Kafka like every domain command. docs/cards.md.
 */
export const CARD_OPERATIONS = [
  defineOperation<CreateCardInput, CardView>({
    name: 'cards.create',
    tag: 'cards',
    summary: 'Issue a virtual card (label 3-30 characters, 4-digit PIN); answers the card without its number',
    scope: 'cards:write',
    // A card costs the partner a monthly fee and counts against the user's card limits.
    idempotency: 'required',
    input: createCardSchema,
    output: cardViewSchema,
    rest: { method: 'POST', path: '/v1/users/:externalUserId/cards', successStatus: 201, body: 'json', params: userPath },
    grpc: { service: GRPC, method: 'CreateCard' },
    handler: sendSecureCardsCommand(CardsCommands.createCard, { withRequestId: true }),
    // The idempotency store keeps a hash of "the same request": a 4-digit PIN inside it could be
    // found by trying all 10,000. The PIN is left out; the label and user say what was asked.
    fingerprint: ({ pin: _pin, ...rest }) => rest,
  }),
  defineOperation<UserCardsRef, CardListView>({
    name: 'cards.list',
    tag: 'cards',
    summary: "The user's cards (deleted ones excluded), statuses refreshed from P100",
    scope: 'cards:read',
    idempotency: 'none',
    input: userCardsRefSchema,
    output: cardListViewSchema,
    rest: { method: 'GET', path: '/v1/users/:externalUserId/cards', successStatus: 200, body: 'none', params: userPath },
    grpc: { service: GRPC, method: 'ListCards' },
    handler: sendCommand(TOPIC, CardsCommands.listCards, byUser),
  }),
  defineOperation<CardRef, CardView>({
    name: 'cards.get',
    tag: 'cards',
    summary: 'One card as the platform keeps it (never its number)',
    scope: 'cards:read',
    idempotency: 'none',
    input: cardRefSchema,
    output: cardViewSchema,
    rest: { method: 'GET', path: '/v1/users/:externalUserId/cards/:cardId', successStatus: 200, body: 'none', params: cardPath },
    grpc: { service: GRPC, method: 'GetCard' },
    handler: sendCommand(TOPIC, CardsCommands.getCard, byUser),
  }),
  defineOperation<CardRef, CardSecretsView>({
    name: 'cards.reveal',
    tag: 'cards',
    summary: 'The card number, CVV and expiry (scope cards:reveal); audited, Cache-Control: no-store',
    scope: 'cards:reveal',
    idempotency: 'none',
    noStore: true,
    input: cardRefSchema,
    output: cardSecretsViewSchema,
    rest: { method: 'GET', path: '/v1/users/:externalUserId/cards/:cardId/secrets', successStatus: 200, body: 'none', params: cardPath },
    grpc: { service: GRPC, method: 'RevealCard' },
    handler: sendSecureCardsCommand(CardsCommands.revealCard),
  }),
  defineOperation<UpdateCardPinInput, CardView>({
    name: 'cards.update-pin',
    tag: 'cards',
    summary: 'Set a new 4-digit PIN, effective at once (never stored; repeat freely, it sets the same PIN)',
    scope: 'cards:write',
    // Setting a PIN twice is harmless, and nothing of a PIN call may be kept: no Idempotency-Key.
    idempotency: 'none',
    noStore: true,
    input: updateCardPinSchema,
    output: cardViewSchema,
    rest: { method: 'PUT', path: '/v1/users/:externalUserId/cards/:cardId/pin', successStatus: 200, body: 'json', params: cardPath },
    grpc: { service: GRPC, method: 'UpdatePin' },
    handler: sendSecureCardsCommand(CardsCommands.updatePin),
  }),
  defineOperation<CardRef, CardView>({
    name: 'cards.block',
    tag: 'cards',
    summary: 'Block the card: no transactions until unblocked',
    scope: 'cards:write',
    idempotency: 'optional',
    input: cardRefSchema,
    output: cardViewSchema,
    rest: { method: 'POST', path: '/v1/users/:externalUserId/cards/:cardId/block', successStatus: 200, body: 'none', params: cardPath },
    grpc: { service: GRPC, method: 'BlockCard' },
    handler: sendCommand(TOPIC, CardsCommands.blockCard, byUser),
  }),
  defineOperation<CardRef, CardView>({
    name: 'cards.unblock',
    tag: 'cards',
    summary: 'Unblock a blocked card',
    scope: 'cards:write',
    idempotency: 'optional',
    input: cardRefSchema,
    output: cardViewSchema,
    rest: { method: 'POST', path: '/v1/users/:externalUserId/cards/:cardId/unblock', successStatus: 200, body: 'none', params: cardPath },
    grpc: { service: GRPC, method: 'UnblockCard' },
    handler: sendCommand(TOPIC, CardsCommands.unblockCard, byUser),
  }),
  defineOperation<CardRef, CardLimitsAnswer>({
    name: 'cards.limits.get',
    tag: 'cards',
    summary: "The card's daily and monthly limits (all, ATM, e-commerce), EUR decimal strings",
    scope: 'cards:read',
    idempotency: 'none',
    input: cardRefSchema,
    output: cardLimitsAnswerSchema,
    rest: { method: 'GET', path: '/v1/users/:externalUserId/cards/:cardId/limits', successStatus: 200, body: 'none', params: cardPath },
    grpc: { service: GRPC, method: 'GetLimits' },
    handler: sendCommand(TOPIC, CardsCommands.getLimits, byUser),
  }),
  defineOperation<UpdateCardLimitsInput, CardView>({
    name: 'cards.limits.update',
    tag: 'cards',
    summary: 'Change some of the limits (body {limits: {...}}), each checked against the platform maxima first',
    scope: 'cards:write',
    idempotency: 'optional',
    input: updateCardLimitsSchema,
    output: cardViewSchema,
    rest: { method: 'PATCH', path: '/v1/users/:externalUserId/cards/:cardId/limits', successStatus: 200, body: 'json', params: cardPath },
    grpc: { service: GRPC, method: 'UpdateLimits' },
    handler: sendCommand(TOPIC, CardsCommands.updateLimits, byUser),
  }),
  defineOperation<CardRef, CardView>({
    name: 'cards.delete',
    tag: 'cards',
    summary: 'Delete the card at P100 (permanent)',
    scope: 'cards:write',
    idempotency: 'optional',
    input: cardRefSchema,
    output: cardViewSchema,
    rest: { method: 'DELETE', path: '/v1/users/:externalUserId/cards/:cardId', successStatus: 200, body: 'none', params: cardPath },
    grpc: { service: GRPC, method: 'DeleteCard' },
    handler: sendCommand(TOPIC, CardsCommands.deleteCard, byUser),
  }),
];

// Drift between the proto messages and our schemas fails the type check, not a caller.
type Checks = [
  SameKeys<CardsProto.CreateCardRequest, CreateCardInput>,
  SameKeys<CardsProto.ListCardsRequest, UserCardsRef>,
  SameKeys<CardsProto.GetCardRequest, CardRef>,
  SameKeys<CardsProto.RevealCardRequest, CardRef>,
  SameKeys<CardsProto.BlockCardRequest, CardRef>,
  SameKeys<CardsProto.UnblockCardRequest, CardRef>,
  SameKeys<CardsProto.GetLimitsRequest, CardRef>,
  SameKeys<CardsProto.DeleteCardRequest, CardRef>,
  SameKeys<CardsProto.UpdatePinRequest, UpdateCardPinInput>,
  SameKeys<CardsProto.UpdateLimitsRequest, UpdateCardLimitsInput>,
  SameKeys<CardsProto.CardLimitsChange, UpdateCardLimitsInput['limits']>,
  SameKeys<CardsProto.CardLimits, CardLimitsAnswer['limits']>,
  SameKeys<CardsProto.Card, CardView>,
  SameKeys<CardsProto.CardList, CardListView>,
  SameKeys<CardsProto.CardLimitsAnswer, CardLimitsAnswer>,
  SameKeys<CardsProto.CardSecrets, CardSecretsView>,
  WithoutNulls<CardView> extends CardsProto.Card ? true : never,
  WithoutNulls<CardListView> extends CardsProto.CardList ? true : never,
  WithoutNulls<CardLimitsAnswer> extends CardsProto.CardLimitsAnswer ? true : never,
  CardSecretsView extends CardsProto.CardSecrets ? true : never,
];
export const cardMessageChecks: Checks = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
