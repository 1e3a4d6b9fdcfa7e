import { randomUUID } from 'node:crypto';
import { MessageHeaders, webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { KafkaTestConsumer } from '@platform/testing';
import { deliver, dropSchema, inSchema, uniqueSchema, waitUntil } from './support/ingest-app';
import { IngestProcess, buildDist } from './support/ingest-process';

const userStatus = webhookSpecByEvent('user-status')!;
const CONCURRENCY = 8;

/**
 * webhook-ingest is killed with SIGKILL in the middle of a load and restarted: every webhook it
 * acknowledged with 200 is stored and published. Unacknowledged ones are what P100 retries.
 */
describe('webhook-ingest killed with SIGKILL under load (built service, real Postgres and broker)', () => {
  const schema = uniqueSchema();
  const service = new IngestProcess(schema);
  let consumer: KafkaTestConsumer;

  beforeAll(async () => {
    buildDist();
    consumer = await KafkaTestConsumer.start([webhookTopic(userStatus.family)]);
    await service.start();
  }, 60_000);
  afterAll(async () => {
    await service.kill('SIGTERM');
    await consumer?.stop();
    await dropSchema(schema);
  }, 30_000);

  it('loses nothing it acknowledged', async () => {
    const run = randomUUID().slice(0, 8);
    const acknowledged: string[] = [];
    const unacknowledged: string[] = [];
    let n = 0;
    let stop = false;
    const loops = Array.from({ length: CONCURRENCY }, async () => {
      while (!stop) {
        const user = `kill-${run}-${(n += 1)}`;
        try {
          const res = await deliver(service.url, userStatus.path, { externalUserId: user, status: 'ACTIVE' }, undefined, { signal: AbortSignal.timeout(5_000) });
          (res.status === 200 ? acknowledged : unacknowledged).push(user);
        } catch {
          unacknowledged.push(user); // connection reset by the kill: not acknowledged, P100 retries it
        }
      }
    });
    await waitUntil(async () => acknowledged.length >= 200, 20_000, '200 acknowledged webhooks');
    await service.kill('SIGKILL');
    stop = true;
    await Promise.all(loops);
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    await service.start();
    const storedUsers = new Set(
      await inSchema(schema, async (c) => (await c.query('SELECT message_key FROM received_webhooks')).rows.map((r) => r.message_key as string)),
    );
    expect(acknowledged.filter((u) => !storedUsers.has(u))).toEqual([]);

    // P100 retries what was not acknowledged; then everything is stored, each once.
    for (const user of unacknowledged) {
      expect((await deliver(service.url, userStatus.path, { externalUserId: user, status: 'ACTIVE' })).status).toBe(200);
    }
    const [{ stored }] = await inSchema(schema, async (c) => (await c.query(`SELECT count(*)::int AS stored FROM received_webhooks`)).rows);
    expect(stored).toBe(acknowledged.length + unacknowledged.length);

    // Every acknowledged webhook reaches Kafka; a row published just before the kill may go out
    // again (at-least-once), always with its one event id.
    const all = new Set([...acknowledged, ...unacknowledged]);
    await waitUntil(async () => new Set(consumer.messages.map((m) => m.key).filter((k) => all.has(k!))).size === all.size, 30_000, 'every webhook on Kafka');
    const eventIdsPerUser = new Map<string, Set<string>>();
    for (const m of consumer.messages.filter((m) => all.has(m.key!))) {
      eventIdsPerUser.set(m.key!, (eventIdsPerUser.get(m.key!) ?? new Set()).add(m.headers[MessageHeaders.eventId]!));
    }
    expect([...eventIdsPerUser.values()].every((ids) => ids.size === 1)).toBe(true);
  }, 90_000);
});
