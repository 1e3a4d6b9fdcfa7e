import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { GRPC_STATUS, MessageHeaders } from '@platform/contracts';
import { testEnv } from '@platform/testing';
import { GrpcTestClient, grpcHealthStatus, grpcReflectedServices } from '@platform/testing';
import { API_KEY, api, capturedLogs, DEV_SECRETS, eventually, GATEWAY, KafkaTestConsumer, newUser, pngFile, READ_ONLY_KEY, startPlatform, WEBHOOK_INGEST, WEBHOOK_TOKEN, withoutNulls, type Platform } from './platform.harness';
import { swaggerUiOperations } from './swagger-ui.probe';

jest.setTimeout(180_000);

const PROMTOOL = spawnSync('promtool', ['--version']).status === 0;

const uid = (label: string) => `e2e-${label}-${randomBytes(4).toString('hex')}`;

describe('onboarding through every hop: gateway → Kafka → onboarding-kyc → P100 sandbox → webhook-ingest → Kafka → onboarding-kyc', () => {
  let platform: Platform;
  let events: KafkaTestConsumer;
  let db: Client;

  beforeAll(async () => {
    platform = await startPlatform();
    events = await KafkaTestConsumer.start(['onboarding.events']);
    db = new Client({ connectionString: testEnv().databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await events?.stop();
    await db?.end();
    await platform?.stop();
  });

  async function onboard(externalUserId: string) {
    const created = await api('POST', '/v1/users', { body: newUser(externalUserId) });
    expect(created.status).toBe(201);
    const form = new FormData();
    form.append('files', pngFile('id-front.png'));
    form.append('files', pngFile('selfie.png'));
    const uploaded = await api('POST', `/v1/users/${externalUserId}/kyc-files`, { form });
    expect(uploaded).toMatchObject({ status: 202, body: { status: 'KYC_FILES_ADDED' } });
    const submitted = await api('POST', `/v1/users/${externalUserId}/verification`);
    expect(submitted.status).toBe(202);
    return created;
  }

  it('creates a user, uploads KYC files, verifies, activates it from the webhook and publishes the settlement event', async () => {
    const externalUserId = uid('happy');
    const created = await onboard(externalUserId);
    expect(created.body).toMatchObject({ externalUserId, status: 'CREATED', p100UserId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const user = await eventually(() => api('GET', `/v1/users/${externalUserId}`), (r) => r.body?.status === 'ACTIVE');
    expect(user.body.activatedAt).toEqual(expect.any(String));

    const event = await events.waitFor((m) => m.key === externalUserId && m.headers[MessageHeaders.type] === 'onboarding.user.activated.v1');
    expect(event.value).toMatchObject({ externalUserId, p100UserId: created.body.p100UserId });
    expect(event.headers[MessageHeaders.eventId]).toEqual(expect.any(String));
    expect(Date.parse(event.headers[MessageHeaders.occurredAt]!)).not.toBeNaN();
    expect(event.headers[MessageHeaders.correlationId]).toEqual(expect.any(String));

    const balances = await api('GET', `/v1/users/${externalUserId}/balances`);
    expect(balances.status).toBe(200);
    expect(balances.body.fiat).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'eur', status: 'ACTIVE' })]));
    expect(balances.body.crypto.length).toBeGreaterThan(0);
    for (const b of [...balances.body.fiat, ...balances.body.crypto]) expect(b.amount).toMatch(/^\d+(\.\d+)?$/);
  });

  it('carries the caller\'s correlation id from the gateway request through Kafka to the event onboarding-kyc publishes', async () => {
    const externalUserId = uid('corr');
    const correlationId = `corr-${randomBytes(6).toString('hex')}`;
    const created = await api('POST', '/v1/users', { body: newUser(externalUserId), headers: { 'x-correlation-id': correlationId } });
    expect(created.status).toBe(201);
    const event = await events.waitFor((m) => m.key === externalUserId && m.headers[MessageHeaders.type] === 'onboarding.user.created.v1');
    expect(event.headers[MessageHeaders.correlationId]).toBe(correlationId);
  });

  it('has every service answer /health (ready: Postgres and Kafka) and /metrics in Prometheus text', async () => {
    const names = Object.keys(platform.running);
    expect(names).toEqual(expect.arrayContaining(['gateway', 'onboarding-kyc', 'payments', 'cards', 'webhook-ingest', 'p100-sandbox']));
    for (const name of names) {
      const { url } = platform.running[name]!;
      const health = await fetch(`${url}/health`);
      expect({ name, status: health.status }).toEqual({ name, status: 200 });
      const metrics = await fetch(`${url}/metrics`);
      expect({ name, status: metrics.status, type: metrics.headers.get('content-type') }).toMatchObject({ name, status: 200, type: expect.stringContaining('text/plain') });
      const text = await metrics.text();
      expect({ name, processMetrics: text.includes('process_cpu_seconds_total') }).toEqual({ name, processMetrics: true });
      expect({ name, httpMetrics: text.includes('http_requests_total') || text.includes('http_request_duration_seconds') }).toEqual({ name, httpMetrics: true });
      // Prometheus's own linter (Debian's `prometheus` package; .ci/run installs it): no warning.
      if (PROMTOOL) {
        const lint = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
        expect({ name, status: lint.status, problems: `${lint.stdout}${lint.stderr}`.trim() }).toEqual({ name, status: 0, problems: '' });
      }
    }
    if (!PROMTOOL) console.warn('promtool is not installed (apt-get install prometheus): /metrics were not linted');
  });

  it('rejects bad input at the gateway with 400, a stable code and the field name', async () => {
    const missing = await api('POST', '/v1/users', { body: { ...newUser(uid('bad')), email: undefined } });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field: 'email' } } } });
    expect(missing.body.error.message).toContain('email');

    const mistyped = await api('POST', '/v1/users', { body: { ...newUser(uid('bad')), hasAcceptedP100Tc: 'yes' } });
    expect(mistyped).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field: 'hasAcceptedP100Tc' } } } });

    const country = await api('POST', '/v1/users', { body: newUser(uid('bad'), { country: 'XX' }) });
    expect(country).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_COUNTRY', details: { field: 'country' } } } });

    const malformed = await api('POST', '/v1/users', { body: '{"externalUserId":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
  });

  // Regressions for the audit of hostile input (issue 8, findings 4 and 8).
  it('refuses a NUL or an unpaired surrogate in a name with 400 naming the field, and creates nothing at P100', async () => {
    for (const [field, value] of [['firstName', 'Ja\\u0000n'], ['city', 'Warszawa\\ud800']] as const) {
      const externalUserId = uid('nul');
      const body = JSON.stringify(newUser(externalUserId)).replace('"Jan"', field === 'firstName' ? `"${value}"` : '"Jan"').replace('"Warszawa"', field === 'city' ? `"${value}"` : '"Warszawa"');
      const res = await api('POST', '/v1/users', { body });
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field } } } });
      const rows = await db.query(`SELECT count(*)::int AS n FROM onboarding.users WHERE external_user_id = $1`, [externalUserId]);
      expect(rows.rows[0].n).toBe(0);
    }
  });

  it('answers 400 MALFORMED_MULTIPART for a multipart body without, or with a wrong or truncated, boundary', async () => {
    const post = (contentType: string, body: string) =>
      fetch(`${GATEWAY}/v1/users/${uid('mp')}/kyc-files`, { method: 'POST', headers: { 'x-api-key': API_KEY, 'content-type': contentType }, body });
    const cases = [
      ['multipart/form-data', 'x'],
      ['multipart/form-data; boundary=abc', '--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nPNG\r\n--xyz--\r\n'],
      ['multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG'],
    ];
    for (const [contentType, body] of cases) {
      const res = await post(contentType!, body!);
      expect({ contentType, status: res.status, code: (await res.json()).error?.code }).toEqual({ contentType, status: 400, code: 'MALFORMED_MULTIPART' });
    }
  });

  it('authenticates before it reads the body (401, not 415), and takes media types in any case', async () => {
    const unauthenticated = await fetch(`${GATEWAY}/v1/users`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(unauthenticated.status).toBe(401);
    const upper = await api('POST', '/v1/users', { body: JSON.stringify(newUser(uid('case'))), headers: { 'content-type': 'APPLICATION/JSON' } });
    expect(upper.status).toBe(201);
  });

  it('answers 401 without an API key or with a wrong one', async () => {
    expect((await api('POST', '/v1/users', { body: newUser(uid('auth')), headers: { 'x-api-key': '' } })).status).toBe(401);
    const wrong = await api('GET', '/v1/users/someone', { headers: { 'x-api-key': 'not-the-key-at-all-0000' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses a second user with the same id', async () => {
    const externalUserId = uid('idem');
    const body = newUser(externalUserId);
    const first = await api('POST', '/v1/users', { body, headers: { 'idempotency-key': `k-${externalUserId}` } });
    const again = await api('POST', '/v1/users', { body, headers: { 'idempotency-key': `k-${externalUserId}` } });
    expect(first.status).toBe(201);
    expect(again).toEqual(expect.objectContaining({ status: 201, body: first.body }));
    const reused = await api('POST', '/v1/users', { body: { ...body, city: 'Krakow' }, headers: { 'idempotency-key': `k-${externalUserId}` } });
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
    const duplicate = await api('POST', '/v1/users', { body: { ...body, city: 'Krakow' } });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'USER_ALREADY_EXISTS' } } });
  });

  it('refuses webhooks with a missing or wrong token and stores nothing', async () => {
    const externalUserId = uid('hook');
    const payload = JSON.stringify({ externalUserId, status: 'ACTIVE' });
    for (const headers of [{}, { authorization: 'wrong-token-wrong-token' }] as Record<string, string>[]) {
      const res = await fetch(`${WEBHOOK_INGEST}/webhook/user/status`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
      expect(res.status).toBe(401);
    }
    const stored = await db.query(`SELECT count(*)::int AS n FROM webhook_ingest.received_webhooks WHERE payload->>'externalUserId' = $1`, [externalUserId]);
    expect(stored.rows[0].n).toBe(0);
    const ok = await fetch(`${WEBHOOK_INGEST}/webhook/user/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: WEBHOOK_TOKEN },
      body: payload,
    });
    expect(ok.status).toBe(200);
  });

  it('does not activate a user while webhook-ingest is down, and activates it once P100 retries after it returns', async () => {
    const externalUserId = uid('outage');
    await platform.running['webhook-ingest']!.stop();
    try {
      await onboard(externalUserId);
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await api('GET', `/v1/users/${externalUserId}`)).body.status).toBe('VERIFICATION_SUBMITTED');
    } finally {
      await platform.restart('webhook-ingest');
    }
    await eventually(() => api('GET', `/v1/users/${externalUserId}`), (r) => r.body?.status === 'ACTIVE', 40_000);
  });

  describe('over gRPC, with a plain @grpc/grpc-js client', () => {
    let grpc: GrpcTestClient;
    beforeAll(() => {
      grpc = new GrpcTestClient(platform.running.gateway!.grpcAddress!, { defaults: true });
    });
    afterAll(() => grpc?.close());
    const rpc = (method: string, request: object, metadata: Record<string, string> = {}, key = API_KEY) =>
      grpc.call('UsersService', method, request, { 'x-api-key': key, ...metadata });

    /** What must be equal between the edges: everything but ids and times. */
    const comparable = (view: Record<string, unknown>) => {
      const { externalUserId: _e, p100UserId, createdAt: _c, updatedAt: _u, activatedAt, ...rest } = withoutNulls(view);
      return { ...rest, hasP100UserId: typeof p100UserId === 'string', activated: typeof activatedAt === 'string' };
    };
    const comparableBalances = (b: { fiat: Record<string, unknown>[]; crypto: Record<string, unknown>[] }) =>
      [...b.fiat, ...b.crypto].map((x) => `${x.currency}:${x.amount}:${x.status ?? ''}`).sort();

    it('drives the whole onboarding flow and gets what REST gets', async () => {
      const viaRest = uid('rest-twin');
      await onboard(viaRest);
      const restUser = (await eventually(() => api('GET', `/v1/users/${viaRest}`), (r) => r.body?.status === 'ACTIVE')).body;
      const restBalances = (await api('GET', `/v1/users/${viaRest}/balances`)).body;

      const viaGrpc = uid('grpc');
      const created = await rpc('CreateUser', newUser(viaGrpc), { 'idempotency-key': `g-${viaGrpc}` });
      expect(created.error).toBeUndefined();
      expect(created.response).toMatchObject({ externalUserId: viaGrpc, status: 'CREATED', p100UserId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const png = Buffer.from(await pngFile('id.png').arrayBuffer());
      const files = await rpc('AddKycFiles', { externalUserId: viaGrpc, files: [{ filename: 'id-front.png', contentType: 'image/png', data: png }, { filename: 'selfie.png', contentType: 'image/png', data: png }] });
      expect(files.response).toMatchObject({ status: 'KYC_FILES_ADDED' });
      expect((await rpc('SubmitVerification', { externalUserId: viaGrpc })).response).toMatchObject({ status: 'VERIFICATION_SUBMITTED' });
      const grpcUser = await eventually(async () => (await rpc('GetUser', { externalUserId: viaGrpc })).response, (u) => u?.status === 'ACTIVE');
      const grpcBalances = (await rpc('GetBalances', { externalUserId: viaGrpc })).response;

      expect(comparable(grpcUser)).toEqual(comparable(restUser));
      expect(comparableBalances(grpcBalances)).toEqual(comparableBalances(restBalances));
      for (const b of [...grpcBalances.fiat, ...grpcBalances.crypto]) expect(b.amount).toMatch(/^\d+(\.\d+)?$/);
    });

    it('keeps Idempotency-Key semantics in metadata: a repeat replays, another request with the key is refused', async () => {
      const id = uid('grpc-idem');
      const body = newUser(id); // newUser draws a random phone: one body for the repeat
      const first = await rpc('CreateUser', body, { 'idempotency-key': `k-${id}` });
      const again = await rpc('CreateUser', body, { 'idempotency-key': `k-${id}` });
      expect(again.error).toBeUndefined();
      expect(again.response).toEqual(first.response);
      expect(first.response).toMatchObject({ externalUserId: id, status: 'CREATED' });
      const reused = await rpc('CreateUser', { ...body, city: 'Krakow' }, { 'idempotency-key': `k-${id}` });
      expect(reused.error?.code).toBe(GRPC_STATUS.FAILED_PRECONDITION);
      expect(reused.trailers['error-code']).toBe('IDEMPOTENCY_KEY_REUSED');
      const duplicate = await rpc('CreateUser', { ...body, city: 'Krakow' });
      expect(duplicate.error?.code).toBe(GRPC_STATUS.ALREADY_EXISTS);
      expect(duplicate.trailers['error-code']).toBe('USER_ALREADY_EXISTS');
    });

    it('answers a users:read key on both edges: it reads a user, and is refused creating one with the scope named', async () => {
      const id = uid('scoped');
      expect((await api('POST', '/v1/users', { body: newUser(id) })).status).toBe(201);
      const read = await api('GET', `/v1/users/${id}`, { headers: { 'x-api-key': READ_ONLY_KEY } });
      expect(read).toMatchObject({ status: 200, body: { externalUserId: id } });
      const write = await api('POST', '/v1/users', { body: newUser(uid('scoped')), headers: { 'x-api-key': READ_ONLY_KEY } });
      expect(write).toMatchObject({ status: 403, body: { error: { code: 'PERMISSION_DENIED', details: { requiredScope: 'users:write' } } } });
      expect((await rpc('GetUser', { externalUserId: id }, {}, READ_ONLY_KEY)).response).toMatchObject({ externalUserId: id });
      const refused = await rpc('CreateUser', newUser(uid('scoped')), {}, READ_ONLY_KEY);
      expect(refused.error?.code).toBe(GRPC_STATUS.PERMISSION_DENIED);
      expect(refused.error?.details).toContain('users:write');
    });

    it('answers grpc.health.v1 SERVING while the gateway is ready, and lists its services through reflection', async () => {
      const address = platform.running.gateway!.grpcAddress!;
      expect(await grpcHealthStatus(address)).toBe('SERVING');
      expect(await grpcReflectedServices(address)).toEqual(expect.arrayContaining(['p100platform.v1.UsersService', 'grpc.health.v1.Health']));
    });
  });

  it('lists every tag and operation of the OpenAPI document in Swagger UI (headless Chromium)', async () => {
    const document = await (await fetch(`${GATEWAY}/docs-json`)).json();
    const expected = Object.entries(document.paths as Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), tag: op.tags?.[0], responses: Object.keys(op.responses) })),
    );
    const userOps = expected.filter((op) => op.tag === 'users');
    expect(userOps).toHaveLength(13);
    for (const op of userOps) expect(op.responses).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
    const seen = await swaggerUiOperations(`${GATEWAY}/docs`);
    expect(seen.tags.sort()).toEqual([...new Set(expected.map((op) => op.tag))].sort());
    expect(seen.operations.sort()).toEqual(expected.map((op) => `${op.method} ${op.path}`).sort());
  });

  // Issue 8 (findings 5 and 6): after everything above has run, and a one-time code has gone
  // through webhook-ingest to cards, no secret or personal datum is in any service's log, and no
  // table of any schema holds a secret or the code in clear.
  it('leaves no secret in any log and no secret or one-time code in any table', async () => {
    const cardId = uid('card');
    const code = String(100000 + Math.floor(Math.random() * 900000));
    const delivered = await fetch(`${WEBHOOK_INGEST}/webhook/card/3ds-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: WEBHOOK_TOKEN },
      body: JSON.stringify({ externalUserId: uid('holder'), cardId, code, merchantName: 'Shop', amount: 12.5, currency: 'eur' }),
    });
    expect(delivered.status).toBe(200);
    // cards has journalled it (redacted) once it is in its table.
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM cards.p100_events WHERE payload::text LIKE $1`, [`%${cardId}%`])).rows[0].n,
      (n) => n === 1,
    );

    const secrets = [...Object.values(DEV_SECRETS), code];
    const logs = capturedLogs();
    expect(logs.length).toBeGreaterThan(0);
    expect(secrets.filter((s) => logs.includes(s))).toEqual([]);
    // The users this file created: their e-mail addresses are personal data, never logged.
    const emails = (await db.query(`SELECT email FROM p100_sandbox.users`)).rows.map((r: { email: string }) => r.email);
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.filter((e: string) => logs.includes(e))).toEqual([]);

    const { rows: columns } = await db.query(
      `SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE table_schema IN ('gateway', 'onboarding', 'payments', 'cards', 'webhook_ingest', 'p100_sandbox')
          AND data_type IN ('text', 'jsonb', 'json', 'character varying', 'bytea')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const { table_schema: schema, table_name: table, column_name: column } of columns) {
      for (const secret of secrets) {
        const { rows } = await db.query(`SELECT 1 FROM "${schema}"."${table}" WHERE "${column}"::text LIKE $1 LIMIT 1`, [`%${secret}%`]);
        if (rows.length > 0) hits.push(`${schema}.${table}.${column}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
