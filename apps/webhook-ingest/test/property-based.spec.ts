import fc from 'fast-check';
import { WEBHOOK_CATALOG } from '@platform/contracts';
import { TOKEN, count, dropSchema, startIngestApp, type IngestApp } from './support/ingest-app';

/**
 * Property: whatever arrives at a webhook route — generated bodies, headers and paths, valid or
 * not — the answer is never a 5xx; a refusal is a 4xx with a stable code; exactly the accepted
 * webhooks are stored (and put in the outbox) and exactly the quarantined ones are quarantined;
 * the service is healthy afterwards. Seeded, so a failure is reproducible (fast-check prints the
 * seed and the shrunk counterexample).
 */
const STABLE_CODES = new Set(['UNAUTHENTICATED', 'PAYLOAD_TOO_LARGE', 'MALFORMED_JSON', 'VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE']);
const RUNS = 1000;

const catalogPath = fc.constantFrom(...WEBHOOK_CATALOG.map((s) => s.path));
const anyPath = fc.oneof(
  { weight: 6, arbitrary: catalogPath },
  { weight: 1, arbitrary: fc.stringMatching(/^\/webhook\/[a-z0-9-]{1,20}(\/[a-z]{1,10})?$/) },
);
const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.string({ minLength: 250, maxLength: 400 }));
const jsonish = fc.jsonValue({ maxDepth: 4 });
const hostileText = fc.constantFrom(
  '\\u0000',
  '\\ud800',
  '\\udfff',
  'x\\u0000y',
  '\ufeff',
  '"',
  '\\',
);
const hostileNumber = fc.constantFrom('1e999999999', '1e5000000', '-1e-999999', '9'.repeat(80), '0.000000000000000000000000000000000000000000000000000000000000000000001', '1E+64');
/** A webhook-shaped object with generated and hostile values, as JSON text. */
const webhookText = fc
  .record({
    externalUserId: id,
    status: fc.oneof(fc.constantFrom('ACTIVE', 'PENDING', 'COMPLETED', 'FAILED'), fc.string({ maxLength: 30 })),
    extra: jsonish,
    number: fc.option(hostileNumber),
    text: fc.option(hostileText),
  })
  .map(({ number, text, ...fields }) => {
    let json = JSON.stringify(fields);
    if (number) json = `${json.slice(0, -1)},"amount":${number}}`;
    if (text) json = `${json.slice(0, -1)},"note":"${text}"}`;
    return json;
  });
const body = fc.oneof(
  { weight: 5, arbitrary: webhookText },
  { weight: 2, arbitrary: jsonish.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: webhookText.chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.nat(3000).map((n) => `{"externalUserId":"x","deep":${'['.repeat(n)}${']'.repeat(n)}}`) },
);
const contentType = fc.constantFrom('application/json', 'APPLICATION/JSON', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined);
const authorization = fc.oneof({ weight: 8, arbitrary: fc.constant(TOKEN) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) });

describe('webhook routes under generated input (property-based, real Postgres and broker)', () => {
  let ingest: IngestApp;
  beforeAll(async () => {
    ingest = await startIngestApp(undefined, { WEBHOOK_BODY_LIMIT_BYTES: String(64 * 1024) });
  });
  afterAll(async () => {
    await ingest?.close();
    if (ingest) await dropSchema(ingest.schema);
  });

  it(`answers ${RUNS} generated requests with 2xx or a stable 4xx, stores exactly what it accepts, and stays healthy`, async () => {
    let stored = 0;
    let quarantined = 0;
    await fc.assert(
      fc.asyncProperty(anyPath, body, contentType, authorization, async (path, text, type, token) => {
        const headers: Record<string, string> = {};
        if (type) headers['content-type'] = type;
        if (token !== undefined) headers.authorization = token;
        const res = await fetch(`${ingest.url}${path}`, { method: 'POST', headers, body: text });
        const answer = await res.text();
        if (res.status >= 500) throw new Error(`${res.status} for ${path} ${JSON.stringify(text).slice(0, 300)}: ${answer.slice(0, 300)}`);
        if (res.status >= 400) {
          const code = JSON.parse(answer).error?.code;
          if (!STABLE_CODES.has(code)) throw new Error(`unstable code ${code} (${res.status}) for ${JSON.stringify(text).slice(0, 200)}`);
          return;
        }
        const status = JSON.parse(answer).status;
        if (status === 'stored') stored += 1;
        if (status === 'quarantined') quarantined += 1;
      }),
      { seed: 20261201, numRuns: RUNS },
    );
    expect(await count(ingest.schema, 'SELECT count(*) FROM received_webhooks')).toBe(stored);
    expect(await count(ingest.schema, 'SELECT count(*) FROM outbox')).toBe(stored);
    expect(await count(ingest.schema, 'SELECT count(*) FROM quarantined_webhooks')).toBe(quarantined);
    expect((await fetch(`${ingest.url}/health`)).status).toBe(200);
  }, 120_000);
});
