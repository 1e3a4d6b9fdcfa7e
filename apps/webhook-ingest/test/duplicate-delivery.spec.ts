import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { MessageHeaders, webhookMessageType, webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { CreateMessagingTables1763900000000, InboxConsumer, createDataSource, runMigrations, type InboxHandlers } from '@platform/database';
import { KafkaTestConsumer, testEnv } from '@platform/testing';
import { count, deliver, dropSchema, startIngestApp, uniqueSchema, type IngestApp } from './support/ingest-app';

const userStatus = webhookSpecByEvent('user-status')!;
const TYPE = webhookMessageType(userStatus.event);

/**
 * P100 delivers the same webhook five times, three of them at once. Downstream, a consumer built on
 * the platform InboxConsumer (real inbox table, messages from the real broker) counts its effects.
 */
describe('the same webhook delivered five times (real Postgres and broker)', () => {
  let ingest: IngestApp;
  let downstream: { dataSource: DataSource; schema: string };
  let kafka: KafkaTestConsumer;

  beforeAll(async () => {
    kafka = await KafkaTestConsumer.start([webhookTopic(userStatus.family)]);
    ingest = await startIngestApp();
    const schema = uniqueSchema();
    const dataSource = createDataSource({ url: testEnv().databaseUrl, schema, migrations: [CreateMessagingTables1763900000000], poolSize: 3 });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
    await dataSource.query('CREATE TABLE activations (user_id text NOT NULL)');
    downstream = { dataSource, schema };
  });
  afterAll(async () => {
    await ingest?.close();
    await kafka?.stop();
    await downstream?.dataSource.destroy();
    await Promise.all([ingest && dropSchema(ingest.schema), downstream && dropSchema(downstream.schema)]);
  });

  it('is stored once, published once and applied once downstream; all five deliveries get 200', async () => {
    const user = `u-${randomUUID()}`;
    // Different key order and spacing: the same occurrence all the same (object id + status).
    const bodies = [
      `{"externalUserId":"${user}","status":"ACTIVE"}`,
      `{"status":"ACTIVE","externalUserId":"${user}"}`,
      `{ "externalUserId": "${user}", "status": "ACTIVE" }`,
    ];
    const concurrent = await Promise.all(bodies.map((b) => deliver(ingest.url, userStatus.path, b)));
    const later = [await deliver(ingest.url, userStatus.path, bodies[0]!), await deliver(ingest.url, userStatus.path, bodies[1]!)];
    const responses = [...concurrent, ...later];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const outcomes = await Promise.all(responses.map(async (r) => (await r.json()).status));
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'stored']);

    expect(await count(ingest.schema, 'SELECT count(*) FROM received_webhooks WHERE message_key = $1', [user])).toBe(1);
    expect(await count(ingest.schema, 'SELECT count(*) FROM outbox WHERE message_key = $1', [user])).toBe(1);

    const inbox = new InboxConsumer({ dataSource: downstream.dataSource, publisher: { publish: async () => undefined } });
    const handlers: InboxHandlers = {
      [TYPE]: {
        schema: z.object({ externalUserId: z.string(), status: z.literal('ACTIVE') }),
        handle: async (payload, { manager }) => {
          await manager.query('INSERT INTO activations (user_id) VALUES ($1)', [payload.externalUserId]);
        },
      },
    };
    // Kafka delivers at least once: a replay of the stored event is a redelivery with the same event id.
    const first = await kafka.waitFor((m) => m.key === user);
    const replay = await fetch(`${ingest.url}/admin/webhooks/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token-000000000001' },
      body: JSON.stringify({ ids: [first.headers[MessageHeaders.eventId]] }),
    });
    expect(replay.status).toBe(202);
    await kafka.waitFor((m) => m.key === user && !!m.headers['replayed-at']);

    const received = kafka.messages.filter((m) => m.key === user);
    expect(new Set(received.map((m) => m.headers[MessageHeaders.eventId])).size).toBe(1);
    const results = await Promise.all(received.map((m, i) => inbox.consume({ ...m, offset: String(i) }, handlers)));
    expect(results.sort()).toEqual(['duplicate', 'processed']);
    const [{ n }] = await downstream.dataSource.query('SELECT count(*)::int AS n FROM activations WHERE user_id = $1', [user]);
    expect(n).toBe(1);
  });
});
