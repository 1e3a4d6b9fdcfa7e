import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RekeyDedupeV21764600000000 } from '../src/migrations/1764600000000-rekey-dedupe-v2';
import { count, deliver, dropSchema, inSchema, startIngestApp, type IngestApp } from './support/ingest-app';

/** Rows stored under v1 dedupe keys are re-keyed, so a redelivery after the upgrade stays a no-op. */
describe('dedupe keys v2 migration (real Postgres)', () => {
  let ingest: IngestApp;
  beforeAll(async () => {
    ingest = await startIngestApp();
  });
  afterAll(async () => {
    await ingest?.close();
    if (ingest) await dropSchema(ingest.schema);
  });

  it('re-keys a webhook stored with a v1 key; its redelivery is then recognised', async () => {
    const user = `u-${randomUUID()}`;
    const id = randomUUID();
    // As v1 stored it: `<event>:<values joined with ':'>`.
    await inSchema(ingest.schema, (c) =>
      c.query(`INSERT INTO received_webhooks (id, event, dedupe_key, message_key, payload) VALUES ($1, 'user-status', $2, $3, $4)`, [
        id,
        `user-status:${user}:ACTIVE`,
        user,
        JSON.stringify({ externalUserId: user, status: 'ACTIVE' }),
      ]),
    );
    const runner = ingest.app.get(DataSource).createQueryRunner();
    try {
      await new RekeyDedupeV21764600000000().up(runner);
    } finally {
      await runner.release();
    }
    const res = await deliver(ingest.url, '/webhook/user/status', { externalUserId: user, status: 'ACTIVE' });
    expect(await res.json()).toEqual({ status: 'duplicate' });
    expect(await count(ingest.schema, `SELECT count(*) FROM received_webhooks WHERE payload->>'externalUserId' = $1`, [user])).toBe(1);
    expect(await count(ingest.schema, `SELECT count(*) FROM received_webhooks WHERE id = $1 AND dedupe_key LIKE 'user-status:v2:%'`, [id])).toBe(1);
  });
});
