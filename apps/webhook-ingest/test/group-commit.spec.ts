import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MessageHeaders, webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { KafkaTestConsumer, testEnv } from '@platform/testing';
import { ReceiveWebhookHandler } from '../src/webhooks/receive-webhook.handler';
import { count, deliver, dropSchema, inSchema, startIngestApp, waitUntil, type IngestApp } from './support/ingest-app';

const userStatus = webhookSpecByEvent('user-status')!;
const MAX_QUEUE = 64;

/**
 * Group commit against real Postgres and the broker. To see what goes into one commit, the test
 * holds a lock on received_webhooks from its own connection: the commit under way waits on it,
 * the requests that arrive meanwhile queue up, and releasing the lock lets them through. One
 * commit at a time (WEBHOOK_COMMIT_MAX_IN_FLIGHT=1) keeps the batches predictable.
 */
describe('webhooks that arrive together share one commit (real Postgres and broker)', () => {
  let ingest: IngestApp;
  let handler: ReceiveWebhookHandler;
  let consumer: KafkaTestConsumer;

  beforeAll(async () => {
    consumer = await KafkaTestConsumer.start([webhookTopic(userStatus.family)]);
    ingest = await startIngestApp(undefined, {
      WEBHOOK_COMMIT_MAX_IN_FLIGHT: '1',
      WEBHOOK_COMMIT_MAX_QUEUE: String(MAX_QUEUE),
      // The poisoned row of the failure test makes a query fail; that log line is expected.
      LOG_LEVEL: 'silent',
    });
    handler = ingest.app.get(ReceiveWebhookHandler);
  });
  afterAll(async () => {
    await ingest?.close();
    await consumer?.stop();
    if (ingest) await dropSchema(ingest.schema);
  });

  /** Takes a lock that makes every insert into received_webhooks wait until `release()`. */
  async function holdInserts(): Promise<{ release: () => Promise<void> }> {
    const client = new Client({ connectionString: testEnv().databaseUrl, options: `-c search_path=${ingest.schema}` });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE received_webhooks IN SHARE ROW EXCLUSIVE MODE');
    return {
      release: async () => {
        await client.query('COMMIT');
        await client.end();
      },
    };
  }

  /** One webhook delivered while a commit is blocked: the next ones queue behind it. */
  async function blockedCommit(): Promise<{ answer: Promise<Response>; release: () => Promise<void> }> {
    const lock = await holdInserts();
    const answer = deliver(ingest.url, userStatus.path, { externalUserId: `blocker-${randomUUID()}`, status: 'ACTIVE' });
    await waitUntil(async () => handler.commitQueue.committing === 1, 5_000, 'the first commit to be under way');
    return { answer, release: lock.release };
  }

  const tracked = (response: Promise<Response>) => {
    const state = { settled: false, response };
    void response.finally(() => (state.settled = true));
    return state;
  };

  it('stores 50 webhooks delivered at once in one transaction, answering none of them before it commits', async () => {
    const run = randomUUID().slice(0, 8);
    const users = Array.from({ length: 50 }, (_, i) => `together-${run}-${i}`);
    const { answer: blocker, release } = await blockedCommit();
    const requests = users.map((u) => tracked(deliver(ingest.url, userStatus.path, { externalUserId: u, status: 'ACTIVE' })));
    await waitUntil(async () => handler.commitQueue.waiting === users.length, 10_000, 'all 50 to wait for the commit');
    expect(requests.filter((r) => r.settled)).toHaveLength(0);
    expect(await count(ingest.schema, 'SELECT count(*) FROM received_webhooks WHERE message_key LIKE $1', [`together-${run}-%`])).toBe(0);

    await release();
    expect((await blocker).status).toBe(200);
    const responses = await Promise.all(requests.map((r) => r.response));
    expect(responses.map((r) => r.status)).toEqual(users.map(() => 200));
    expect(responses[0]!.headers.get('content-type')).toMatch(/^application\/json/);
    expect(new Set(await Promise.all(responses.map(async (r) => (await r.json()).status)))).toEqual(new Set(['stored']));

    // Rows written by one transaction share its id (xmin).
    const rows = await inSchema(ingest.schema, async (c) =>
      (await c.query(`SELECT id, xmin::text AS tx FROM received_webhooks WHERE message_key LIKE $1`, [`together-${run}-%`])).rows as Array<{ id: string; tx: string }>,
    );
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    // (The outbox rows' xmin is the relay's once it marks them published.)
    expect(await count(ingest.schema, 'SELECT count(*) FROM outbox WHERE message_key LIKE $1', [`together-${run}-%`])).toBe(50);

    // Each one on Kafka, under its stored id as event id.
    await waitUntil(async () => users.every((u) => consumer.messages.some((m) => m.key === u)), 20_000, '50 messages on Kafka');
    const published = consumer.messages.filter((m) => users.includes(m.key!)).map((m) => m.headers[MessageHeaders.eventId]);
    expect(published.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('keeps one row and one event for a webhook delivered ten times within one batch, answering all ten 200', async () => {
    const run = randomUUID().slice(0, 8);
    const twice = `dup-${run}`;
    const spellings = [
      `{"externalUserId":"${twice}","status":"ACTIVE"}`,
      `{"status":"ACTIVE","externalUserId":"${twice}"}`,
      `{ "externalUserId": "${twice}", "status": "ACTIVE" }`,
    ];
    const { answer: blocker, release } = await blockedCommit();
    const copies = Array.from({ length: 10 }, (_, i) => deliver(ingest.url, userStatus.path, spellings[i % spellings.length]!));
    const others = Array.from({ length: 5 }, (_, i) => deliver(ingest.url, userStatus.path, { externalUserId: `other-${run}-${i}`, status: 'ACTIVE' }));
    await waitUntil(async () => handler.commitQueue.waiting === 15, 10_000, 'all 15 to wait for the commit');
    await release();
    await blocker;

    const answers = await Promise.all(copies.map(async (answer) => {
      const r = await answer;
      return { status: r.status, outcome: (await r.json()).status };
    }));
    expect(answers.map((a) => a.status)).toEqual(copies.map(() => 200));
    expect(answers.map((a) => a.outcome).sort()).toEqual([...Array(9).fill('duplicate'), 'stored']);
    expect((await Promise.all(others)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await count(ingest.schema, 'SELECT count(*) FROM received_webhooks WHERE message_key = $1', [twice])).toBe(1);
    expect(await count(ingest.schema, 'SELECT count(*) FROM outbox WHERE message_key = $1', [twice])).toBe(1);

    // A later delivery of the same occurrence, in another batch: still a duplicate.
    const again = await deliver(ingest.url, userStatus.path, spellings[1]!);
    expect(await again.json()).toEqual({ status: 'duplicate' });

    await waitUntil(async () => [0, 1, 2, 3, 4].every((i) => consumer.messages.some((m) => m.key === `other-${run}-${i}`)), 20_000, 'the other five on Kafka');
    await consumer.waitFor((m) => m.key === twice);
    await new Promise((r) => setTimeout(r, 300)); // a second event of the same webhook would show up here
    expect(consumer.messages.filter((m) => m.key === twice)).toHaveLength(1);
  });

  it('fails only the bad webhook of a failed batch: its neighbours are retried one by one and stored', async () => {
    const run = randomUUID().slice(0, 8);
    // A row Postgres refuses, as a constraint or a bad value would be refused.
    await inSchema(ingest.schema, async (c) => {
      await c.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.message_key LIKE 'poison-%' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$`);
      await c.query('CREATE TRIGGER refuse_poison BEFORE INSERT ON received_webhooks FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
    });
    try {
      const fallbacksBefore = await metricValue('webhook_ingest_commit_fallbacks_total');
      const { answer: blocker, release } = await blockedCommit();
      const keys = [`good-${run}-1`, `good-${run}-2`, `poison-${run}`, `good-${run}-3`, `good-${run}-4`];
      const requests = keys.map((k) => deliver(ingest.url, userStatus.path, { externalUserId: k, status: 'ACTIVE' }));
      await waitUntil(async () => handler.commitQueue.waiting === keys.length, 10_000, 'all five to wait for the commit');
      await release();
      await blocker;
      const statuses = Object.fromEntries(await Promise.all(requests.map(async (r, i) => [keys[i], (await r).status])));
      expect(statuses).toEqual({ [`good-${run}-1`]: 200, [`good-${run}-2`]: 200, [`poison-${run}`]: 500, [`good-${run}-3`]: 200, [`good-${run}-4`]: 200 });
      const stored = await inSchema(ingest.schema, async (c) =>
        (await c.query('SELECT message_key FROM received_webhooks WHERE message_key LIKE $1 ORDER BY message_key', [`%-${run}%`])).rows.map((r) => r.message_key),
      );
      expect(stored).toEqual([`good-${run}-1`, `good-${run}-2`, `good-${run}-3`, `good-${run}-4`]);
      expect(await count(ingest.schema, 'SELECT count(*) FROM outbox WHERE message_key LIKE $1', [`%-${run}%`])).toBe(4);
      expect(await metricValue('webhook_ingest_commit_fallbacks_total')).toBe(fallbacksBefore + 1);
    } finally {
      await inSchema(ingest.schema, (c) => c.query('DROP TRIGGER refuse_poison ON received_webhooks; DROP FUNCTION refuse_poison()'));
    }
  });

  it('answers 503 with Retry-After once the queue is full while Postgres is slow, and stores everything it accepted', async () => {
    const run = randomUUID().slice(0, 8);
    const { answer: blocker, release } = await blockedCommit();
    const accepted = Array.from({ length: MAX_QUEUE }, (_, i) => deliver(ingest.url, userStatus.path, { externalUserId: `queued-${run}-${i}`, status: 'ACTIVE' }));
    await waitUntil(async () => handler.commitQueue.waiting === MAX_QUEUE, 10_000, 'the queue to fill');
    const refused = await Promise.all(
      Array.from({ length: 5 }, (_, i) => deliver(ingest.url, userStatus.path, { externalUserId: `refused-${run}-${i}`, status: 'ACTIVE' })),
    );
    // Refused at once, while the lock still holds the commit: nothing waits behind a full queue.
    expect(refused.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(refused[0]!.headers.get('retry-after')).toBe('1');
    expect((await refused[0]!.json()).error.code).toBe('SERVICE_UNAVAILABLE');
    expect(await metricValue('webhook_ingest_commit_queue')).toBe(MAX_QUEUE);

    await release();
    expect((await blocker).status).toBe(200);
    expect((await Promise.all(accepted)).every((r) => r.status === 200)).toBe(true);
    expect(await count(ingest.schema, 'SELECT count(*) FROM received_webhooks WHERE message_key LIKE $1', [`queued-${run}-%`])).toBe(MAX_QUEUE);
    expect(await count(ingest.schema, 'SELECT count(*) FROM received_webhooks WHERE message_key LIKE $1', [`refused-${run}-%`])).toBe(0);
    expect(await metricValue('webhook_ingest_overloaded_total', 'reason="items"')).toBe(5);

    // Once the queue has drained, the same webhooks are accepted (P100's retry).
    const retried = await Promise.all(
      Array.from({ length: 5 }, (_, i) => deliver(ingest.url, userStatus.path, { externalUserId: `refused-${run}-${i}`, status: 'ACTIVE' })),
    );
    expect(retried.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  async function metricValue(name: string, labels = ''): Promise<number> {
    const text = await (await fetch(`${ingest.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(name) && (l.startsWith(`${name} `) || l.startsWith(`${name}{`)) && l.includes(labels));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }
});
