import { parseJsonExact, webhookSpecByEvent } from '@platform/contracts';
import { dedupeKey, messageKey } from './dedupe-key';

const userStatus = webhookSpecByEvent('user-status')!;
const cryptoDeposit = webhookSpecByEvent('crypto-deposit')!;

describe('webhook dedupe and message keys', () => {
  it('identifies an occurrence by object id and status, so a redelivery has the same key', () => {
    const a = dedupeKey(userStatus, { externalUserId: 'u1', status: 'ACTIVE' }, '{"externalUserId":"u1","status":"ACTIVE"}');
    const b = dedupeKey(userStatus, { status: 'ACTIVE', externalUserId: 'u1' }, '{"status":"ACTIVE","externalUserId":"u1"}');
    expect(a).toMatch(/^user-status:v2:[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('gives each status change of one deposit its own key', () => {
    const waiting = dedupeKey(cryptoDeposit, { cryptoDepositId: 'd1', status: 'WAITING_FOR_TR_DATA' }, '{}');
    const done = dedupeKey(cryptoDeposit, { cryptoDepositId: 'd1', status: 'SUCCESSFUL' }, '{}');
    expect(waiting).not.toBe(done);
  });

  it('falls back to the hash of the exact body when no identifying field is present', () => {
    expect(dedupeKey(userStatus, {}, '{"x":1}')).toMatch(/^user-status:sha256:[0-9a-f]{64}$/);
    expect(dedupeKey(userStatus, {}, '{"x":1}')).not.toBe(dedupeKey(userStatus, {}, '{"x":2}'));
  });

  it('puts one-time card codes into the key only as their hash', () => {
    const threeDs = webhookSpecByEvent('card-3ds-code')!;
    const key = dedupeKey(threeDs, { cardId: 'c1', code: '493817' }, '{}');
    expect(key).not.toContain('493817');
    expect(key).toMatch(/^card-3ds-code:v2:[0-9a-f]{64}$/);
    expect(dedupeKey(threeDs, { cardId: 'c1', code: '493817' }, '{ }')).toBe(key);
    expect(dedupeKey(threeDs, { cardId: 'c1', code: '111111' }, '{}')).not.toBe(key);
  });

  // Regression (audit finding 1): v1 joined the values with ':' and turned objects into text, so
  // distinct webhooks shared a key and the second one was answered 200 and never published.
  it('never gives two different occurrences the same key: separators inside values, objects, types of absence', () => {
    expect(dedupeKey(userStatus, { externalUserId: 'a:v1', status: 'x' }, '{}')).not.toBe(dedupeKey(userStatus, { externalUserId: 'a', status: 'v1:x' }, '{}'));
    expect(dedupeKey(userStatus, { externalUserId: { id: 1 }, status: 'x' }, '{}')).not.toBe(dedupeKey(userStatus, { externalUserId: { id: 2 }, status: 'x' }, '{}'));
    expect(dedupeKey(userStatus, { externalUserId: ['a', 'b'], status: 'x' }, '{}')).not.toBe(dedupeKey(userStatus, { externalUserId: ['a,b'], status: 'x' }, '{}'));
    expect(dedupeKey(userStatus, { externalUserId: 'u1' }, '{}')).not.toBe(dedupeKey(userStatus, { externalUserId: 'u1', status: '-' }, '{}'));
    // Object keys in another order are the same value.
    expect(dedupeKey(userStatus, { externalUserId: { a: 1, b: 2 }, status: 'x' }, '{}')).toBe(dedupeKey(userStatus, { externalUserId: { b: 2, a: 1 }, status: 'x' }, '{}'));
  });

  it('keys Kafka messages by the entity whose order matters', () => {
    expect(messageKey(cryptoDeposit, { externalUserId: 'u9', cryptoDepositId: 'd1' })).toBe('u9');
    expect(messageKey(cryptoDeposit, { cryptoDepositId: 'd1' })).toBe('d1');
  });

  it('keeps amounts as their exact decimal text', () => {
    expect(parseJsonExact('{"amount":0.1000000000000000055511,"n":12345678901234567890}')).toEqual({
      amount: '0.1000000000000000055511',
      n: '12345678901234567890',
    });
  });
});
