import { randomUUID } from 'node:crypto';
import { MessageHeaders, webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { OneTimeCodeSealer } from '@platform/secrets';
import { KafkaTestConsumer } from '@platform/testing';
import { CODE_KEYS, deliver, dropSchema, inSchema, startIngestApp, type IngestApp } from './support/ingest-app';

/**
 * Regression (issue 8, finding 6): card 3-D Secure and activation codes sat in clear in
 * received_webhooks.payload and in the outbox. Now they are sealed before anything is stored:
 * no table of the schema holds the code, the Kafka message carries it sealed, and the keys open it.
 */
describe('one-time codes are never at rest in clear (real Postgres and broker)', () => {
  let ingest: IngestApp;
  let consumer: KafkaTestConsumer;
  const sealer = OneTimeCodeSealer.fromConfig(CODE_KEYS);

  beforeAll(async () => {
    consumer = await KafkaTestConsumer.start([webhookTopic('card')]);
    ingest = await startIngestApp();
  });
  afterAll(async () => {
    await ingest?.close();
    await consumer?.stop();
    if (ingest) await dropSchema(ingest.schema);
  });

  it.each(['card-3ds-code', 'card-activation-code'])('seals the code of a %s webhook in every table and on Kafka', async (event) => {
    const spec = webhookSpecByEvent(event)!;
    const cardId = `card-${randomUUID()}`;
    const code = String(100000 + Math.floor(Math.random() * 900000));
    const res = await deliver(ingest.url, spec.path, { externalUserId: 'u-1', cardId, code, amount: 12.5, currency: 'eur', merchantName: 'Shop' });
    expect(await res.json()).toEqual({ status: 'stored' });

    // Every text-like column of every table of the service's schema.
    const found = await inSchema(ingest.schema, async (c) => {
      const { rows: columns } = await c.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = $1 AND data_type IN ('text', 'jsonb', 'json', 'character varying')`,
        [ingest.schema],
      );
      const hits: string[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text LIKE $1`, [`%${code}%`]);
        if (rows[0].n > 0) hits.push(`${table}.${column}`);
      }
      return hits;
    });
    expect(found).toEqual([]);

    const message = await consumer.waitFor((m) => m.key === cardId && m.headers[MessageHeaders.type]?.includes(event));
    expect(JSON.stringify(message.value)).not.toContain(code);
    expect(OneTimeCodeSealer.isSealed(message.value.code)).toBe(true);
    expect(sealer.open(message.value.code)).toBe(code);
    expect(message.value).toMatchObject({ cardId, amount: 12.5, currency: 'eur' });
  });
});
