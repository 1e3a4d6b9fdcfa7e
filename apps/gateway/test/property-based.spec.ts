import fc from 'fast-check';
import { createUserSchema, externalUserIdSchema } from '@platform/contracts';
import { startTestGateway, KEYS, type GatewayUnderTest } from './gateway.harness';

/**
 * Property: whatever a caller sends to the gateway's routes — generated bodies, headers, ids and
 * media types — the answer is never a 5xx for invalid input: a refusal is a 4xx with a stable
 * code, and only a request that passes validation is forwarded. Nothing serves the commands
 * here, so a forwarded request ends in 504 UPSTREAM_TIMEOUT after a short timeout; the property
 * checks that such a request was in fact valid. Seeded, so a failure is reproducible.
 */
const KEY = KEYS.writer;
const STABLE_CODES = new Set(['UNAUTHENTICATED', 'VALIDATION_FAILED', 'UNKNOWN_COUNTRY', 'MALFORMED_JSON', 'MALFORMED_MULTIPART', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'PERMISSION_DENIED']);
const RUNS = 400;

const validUser = fc.record({
  externalUserId: fc.stringMatching(/^[a-z][a-z0-9-]{5,20}$/),
  email: fc.constantFrom('jan@example.com', 'eva@example.pl'),
  phone: fc.constantFrom('48601234567', '48700111222'),
  firstName: fc.constantFrom('Jan', 'Ewa'),
  lastName: fc.constantFrom('Kowalski', 'Nowak'),
  street: fc.constant('Marszalkowska'),
  number: fc.constant('1'),
  city: fc.constant('Warszawa'),
  postCode: fc.constant('00-001'),
  country: fc.constant('PL'),
  citizenship: fc.constant('PL'),
  nationality: fc.constant('PL'),
  birthCountry: fc.constant('PL'),
  birthDate: fc.constant('1990-05-15'),
  hasAcceptedP100Tc: fc.constant(true),
});
const hostileValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', ''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ minLength: 300, maxLength: 2000 }),
);
/** A user body with some fields replaced, removed or added. */
const mutatedUser = fc
  .tuple(validUser, fc.dictionary(fc.constantFrom(...Object.keys(createUserSchema.shape), 'unexpected'), fc.option(hostileValue), { maxKeys: 3 }))
  .map(([user, changes]) => {
    const body: Record<string, unknown> = { ...user };
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) delete body[field];
      else body[field] = value;
    }
    return JSON.stringify(body);
  });
const rawBody = fc.oneof(
  { weight: 6, arbitrary: mutatedUser },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: mutatedUser.chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))) },
  { weight: 1, arbitrary: fc.constantFrom('{"a":1e999999999}', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, '\ufeff{}', '{"firstName":"\\u0000"}') },
);
const userId = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{5,20}$/), fc.string({ maxLength: 80 }).map(encodeURIComponent));
const route = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ method: 'POST', path: '/v1/users' }) },
  { weight: 1, arbitrary: userId.map((id) => ({ method: 'GET', path: `/v1/users/${id}` })) },
  { weight: 1, arbitrary: userId.map((id) => ({ method: 'POST', path: `/v1/users/${id}/kyc-files` })) },
  { weight: 1, arbitrary: userId.map((id) => ({ method: 'POST', path: `/v1/users/${id}/verification` })) },
);
const contentType = fc.constantFrom('application/json', 'Application/JSON', 'text/plain', 'multipart/form-data', 'multipart/form-data; boundary=x', undefined);
const apiKey = fc.oneof({ weight: 9, arbitrary: fc.constant(KEY) }, { weight: 1, arbitrary: fc.option(fc.string({ maxLength: 30 })) });

describe('gateway routes under generated input (property-based, real Postgres and broker)', () => {
  let gateway: GatewayUnderTest;
  let url = '';
  beforeAll(async () => {
    // No rate limit in the way: the property is about input, and 400 requests may come faster than 100/s.
    gateway = await startTestGateway({ GATEWAY_COMMAND_TIMEOUT_MS: '150', GATEWAY_RATE_LIMIT_PER_SECOND: '100000', GATEWAY_RATE_LIMIT_BURST: '100000' });
    url = gateway.url;
  }, 60_000);
  afterAll(() => gateway?.close());

  it(`answers ${RUNS} generated requests with a stable 4xx, or forwards them only when they are valid`, async () => {
    await fc.assert(
      fc.asyncProperty(route, rawBody, contentType, apiKey, async ({ method, path }, body, type, key) => {
        const headers: Record<string, string> = {};
        if (type) headers['content-type'] = type;
        if (typeof key === 'string' && key) headers['x-api-key'] = key;
        const res = await fetch(`${url}${path}`, { method, headers, body: method === 'GET' ? undefined : body });
        const text = await res.text();
        const code = text.startsWith('{') ? JSON.parse(text).error?.code : undefined;
        if (res.status === 504 && code === 'UPSTREAM_TIMEOUT') {
          // Forwarded: it must have been valid.
          const id = decodeURIComponent(path.split('/')[3] ?? '');
          if (method === 'POST' && path === '/v1/users') createUserSchema.parse(JSON.parse(body));
          else externalUserIdSchema.parse(id);
          return;
        }
        if (res.status >= 500) throw new Error(`${res.status} ${code} for ${method} ${path} ${type} ${JSON.stringify(body).slice(0, 200)}: ${text.slice(0, 200)}`);
        if (res.status >= 400 && !STABLE_CODES.has(code)) throw new Error(`unstable code ${code} (${res.status}) for ${method} ${path}: ${text.slice(0, 200)}`);
      }),
      { seed: 20261201, numRuns: RUNS },
    );
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  }, 180_000);
});
