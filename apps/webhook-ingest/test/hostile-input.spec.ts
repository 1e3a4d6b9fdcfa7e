import { randomUUID } from 'node:crypto';
import { webhookSpecByEvent } from '@platform/contracts';
import { count, deliver, dropSchema, inSchema, startIngestApp, type IngestApp } from './support/ingest-app';

const userStatus = webhookSpecByEvent('user-status')!;

/**
 * Regressions for the audit of hostile and careless webhooks (issue 8): each of these was a 500, a
 * stalled event loop or a quarantine row before. Now each is a 4xx with a stable code naming the
 * field, nothing is stored or published, and the service stays healthy. The body limit is the
 * production default (256 KiB), so that the large inputs reach the parser.
 */
describe('webhook-ingest against hostile input (real Postgres and broker)', () => {
  let ingest: IngestApp;
  const nothingStored = async () => ({
    received: await count(ingest.schema, 'SELECT count(*) FROM received_webhooks'),
    outbox: await count(ingest.schema, 'SELECT count(*) FROM outbox'),
    quarantined: await count(ingest.schema, 'SELECT count(*) FROM quarantined_webhooks'),
  });

  beforeAll(async () => {
    ingest = await startIngestApp(undefined, { WEBHOOK_BODY_LIMIT_BYTES: String(256 * 1024) });
  });
  afterAll(async () => {
    await ingest?.close();
    if (ingest) await dropSchema(ingest.schema);
  });

  async function refused(body: string, path = userStatus.path, headers: Record<string, string> = {}) {
    const res = await deliver(ingest.url, path, body, undefined, { headers: { 'content-type': 'application/json', authorization: 'test-webhook-token-current-0001', ...headers } });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const user = () => `u-${randomUUID()}`;

  it.each([
    { label: 'a UTF-8 byte order mark before the JSON', body: `\ufeff{"externalUserId":"${randomUUID()}","status":"ACTIVE"}`, code: 'MALFORMED_JSON', field: '(body)' },
    { label: 'a number with a huge exponent', body: `{"externalUserId":"x","status":"ACTIVE","amount":1e999999999}`, code: 'VALIDATION_FAILED', field: 'amount' },
    { label: 'a number of a million digits once expanded', body: `{"externalUserId":"x","status":"ACTIVE","amount":1e1000000}`, code: 'VALIDATION_FAILED', field: 'amount' },
    { label: 'a NUL in a string', body: `{"externalUserId":"x\\u0000y","status":"ACTIVE"}`, code: 'VALIDATION_FAILED', field: 'externalUserId' },
    { label: 'an unpaired surrogate in a string', body: `{"externalUserId":"x","status":"A\\ud800"}`, code: 'VALIDATION_FAILED', field: 'status' },
    { label: 'a 10 KB value in a dedupe field', body: `{"externalUserId":"${'u'.repeat(10_000)}","status":"ACTIVE"}`, code: 'VALIDATION_FAILED', field: 'externalUserId' },
    { label: 'a 200 KB Kafka key field', body: `{"externalUserId":"${'k'.repeat(200_000)}","status":"ACTIVE"}`, code: 'VALIDATION_FAILED', field: 'externalUserId' },
    { label: 'JSON nested 10,000 levels deep', body: `{"externalUserId":"x","status":"ACTIVE","deep":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, code: 'VALIDATION_FAILED', field: '(body)' },
  ])('refuses $label with 400 $code naming $field, storing nothing', async ({ body, code, field }) => {
    const started = Date.now();
    const res = await refused(body);
    expect(res).toMatchObject({ status: 400, body: { error: { code } } });
    expect(res.body.error.details?.field ?? res.body.error.message).toContain(field);
    expect(await nothingStored()).toEqual({ received: 0, outbox: 0, quarantined: 0 });
    // Answered promptly (the 200 KB key used to block the event loop for ~53 s): a generous
    // bound, only to tell a stall from a refusal; the health check below is the real check.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await fetch(`${ingest.url}/health/live`)).status).toBe(200);
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a bare string', '"hello"'],
  ])('does not quarantine %s on an unknown path: 400, nothing stored', async (_label, body) => {
    const res = await refused(body, '/webhook/not-a-known-event');
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await nothingStored()).toEqual({ received: 0, outbox: 0, quarantined: 0 });
  });

  it('does not quarantine a 250 KB object on an unknown path (413), but keeps a small one (202)', async () => {
    const big = await refused(JSON.stringify({ pad: 'x'.repeat(250_000) }), '/webhook/not-a-known-event');
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(await nothingStored()).toEqual({ received: 0, outbox: 0, quarantined: 0 });
    const small = await refused(JSON.stringify({ externalUserId: user() }), '/webhook/not-a-known-event');
    expect(small.status).toBe(202);
    expect(await count(ingest.schema, 'SELECT count(*) FROM quarantined_webhooks')).toBe(1);
    await inSchema(ingest.schema, (c) => c.query('DELETE FROM quarantined_webhooks'));
  });

  it('takes a media type in any case (APPLICATION/JSON is application/json)', async () => {
    const res = await refused(JSON.stringify({ externalUserId: user(), status: 'ACTIVE' }), userStatus.path, { 'content-type': 'APPLICATION/JSON; charset=utf-8' });
    expect(res).toMatchObject({ status: 200, body: { status: 'stored' } });
    await inSchema(ingest.schema, (c) => c.query('DELETE FROM received_webhooks'));
    await inSchema(ingest.schema, (c) => c.query('DELETE FROM outbox'));
  });

  it('stores two webhooks whose identifying values would have met under the old ":"-joined key', async () => {
    const base = randomUUID();
    const a = await refused(JSON.stringify({ externalUserId: `${base}:v1`, status: 'x' }));
    const b = await refused(JSON.stringify({ externalUserId: base, status: 'v1:x' }));
    expect([a.body.status, b.body.status]).toEqual(['stored', 'stored']);
    expect(await count(ingest.schema, `SELECT count(*) FROM received_webhooks WHERE payload->>'externalUserId' LIKE '${base}%'`)).toBe(2);
  });
});
