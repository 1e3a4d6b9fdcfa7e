import * as grpc from '@grpc/grpc-js';
import { GRPC_STATUS } from '@platform/contracts';
import { ReadinessRegistry } from '@platform/health';
import { grpcHealthStatus, grpcReflectedServices } from '@platform/testing';
import { KEYS, startTestGateway, TEST_CLIENTS, type GatewayUnderTest } from './gateway.harness';

jest.setTimeout(60_000);

/**
 * Both edges of the real gateway (real Postgres and Kafka, no domain service behind it): access
 * decisions, key rotation, error mapping on the wire, health and reflection. A call that passes
 * every check ends in UPSTREAM_TIMEOUT / DEADLINE_EXCEEDED here, which is how "admitted" shows.
 */
describe('gateway edges: REST and gRPC decide alike', () => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw?.close());

  const rest = async (method: string, path: string, key: string | undefined, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gw.url}${path}`, {
      method,
      headers: { ...(key ? { 'x-api-key': key } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { code: string; message: string; details?: any } } };
  };
  const rpc = (method: string, request: object, key?: string, metadata: Record<string, string> = {}, deadlineMs?: number) =>
    gw.grpc.call('UsersService', method, request, { ...(key ? { 'x-api-key': key } : {}), ...metadata }, deadlineMs);

  describe('401 / UNAUTHENTICATED', () => {
    it.each([
      ['no key', undefined],
      ['an unknown key', 'gw-test-unknown-key-00000001'],
      ['a removed key', KEYS.removed],
      ['a prefix of a valid key', KEYS.writer.slice(0, -1)],
    ])('refuses %s on both edges', async (_label, key) => {
      const r = await rest('GET', '/v1/users/jan-0001', key);
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toBe('UNAUTHENTICATED');
      const g = await rpc('GetUser', { externalUserId: 'jan-0001' }, key);
      expect(g.error?.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(g.trailers['error-code']).toBe('UNAUTHENTICATED');
    });

    it('refuses before reading the body: a broken JSON body without a key is 401, not 400', async () => {
      const res = await fetch(`${gw.url}/v1/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken' });
      expect(res.status).toBe(401);
    });
  });

  describe('key rotation', () => {
    it('admits both active keys of a client, on both edges', async () => {
      for (const key of [KEYS.writer, KEYS.writerNext]) {
        const r = await rest('GET', '/v1/users/jan-0001', key);
        expect([r.status, r.body.error?.code]).toEqual([504, 'UPSTREAM_TIMEOUT']);
        const g = await rpc('GetUser', { externalUserId: 'jan-0001' }, key);
        expect(g.error?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
        expect(g.trailers['error-code']).toBe('UPSTREAM_TIMEOUT');
      }
    });

    it('refuses a key once it is removed from the configuration', async () => {
      const [, second] = TEST_CLIENTS[0]!.keys;
      const rotated = await startTestGateway({}, [{ name: 'writer', keys: [second], scopes: ['users:read'] }]);
      try {
        const old = await fetch(`${rotated.url}/v1/users/jan-0001`, { headers: { 'x-api-key': KEYS.writer } });
        expect(old.status).toBe(401);
        const current = await fetch(`${rotated.url}/v1/users/jan-0001`, { headers: { 'x-api-key': KEYS.writerNext } });
        expect(current.status).toBe(504);
        const g = await rotated.grpc.call('UsersService', 'GetUser', { externalUserId: 'jan-0001' }, { 'x-api-key': KEYS.writer });
        expect(g.error?.code).toBe(grpc.status.UNAUTHENTICATED);
      } finally {
        await rotated.close();
      }
    });
  });

  describe('403 / PERMISSION_DENIED', () => {
    it('lets a users:read key read a user but not create one, naming the scope', async () => {
      const read = await rest('GET', '/v1/users/jan-0001', KEYS.reader);
      expect(read.status).toBe(504); // admitted: nothing answers behind this gateway
      const created = await rest('POST', '/v1/users', KEYS.reader, { externalUserId: 'jan-0001' });
      expect(created.status).toBe(403);
      expect(created.body.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { requiredScope: 'users:write' } });
      expect(created.body.error?.message).toContain('users:write');

      const g = await rpc('CreateUser', { externalUserId: 'jan-0001' }, KEYS.reader);
      expect(g.error?.code).toBe(grpc.status.PERMISSION_DENIED);
      expect(g.error?.details).toContain('users:write');
      expect(g.trailers['error-code']).toBe('PERMISSION_DENIED');
    });
  });

  describe('429 / RESOURCE_EXHAUSTED', () => {
    it('limits a client per its token bucket, with Retry-After, on both edges (one bucket for both)', async () => {
      const answers = [await rest('GET', '/v1/users/jan-0001', KEYS.limited), await rest('GET', '/v1/users/jan-0001', KEYS.limited)];
      expect(answers.map((a) => a.status)).toEqual([504, 504]);
      const limited = await rest('GET', '/v1/users/jan-0001', KEYS.limited);
      expect(limited.status).toBe(429);
      expect(limited.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const g = await rpc('GetUser', { externalUserId: 'jan-0001' }, KEYS.limited);
      expect(g.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(Number(g.trailers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Other clients are not affected.
      expect((await rest('GET', '/v1/users/jan-0001', KEYS.reader)).status).toBe(504);
    });
  });

  describe('errors on the wire', () => {
    it('answers invalid input with 400 / INVALID_ARGUMENT, the same code and field on both edges', async () => {
      const bad = { externalUserId: 'jan-0001', email: 'not-an-email' };
      const r = await rest('POST', '/v1/users', KEYS.writer, bad);
      expect(r.status).toBe(400);
      const g = await rpc('CreateUser', bad, KEYS.writer);
      expect(g.error?.code).toBe(GRPC_STATUS.INVALID_ARGUMENT);
      expect(g.trailers['error-code']).toBe(r.body.error?.code);
      expect(g.trailers['error-field']).toBe(r.body.error?.details.field);
      expect(g.error?.details).toBe(r.body.error?.message);
    });

    it('admits a complete gRPC CreateUser, optional fields included (no stray oneof fields reach validation)', async () => {
      const user = {
        externalUserId: 'jan-0002', email: 'jan@example.com', phone: '48601234567', firstName: 'Jan', lastName: 'Kowalski', street: 'Marszalkowska',
        number: '1', city: 'Warszawa', postCode: '00-001', country: 'PL', citizenship: 'PL', nationality: 'PL', birthCountry: 'PL',
        birthDate: '1990-05-15', userIdentificationNumber: '90051512345', hasAcceptedP100Tc: true,
      };
      const g = await rpc('CreateUser', user, KEYS.writer);
      expect(g.trailers['error-code']).toBe('UPSTREAM_TIMEOUT'); // valid: forwarded, and nothing answers here
    });

    it('refuses a NUL in a gRPC string field as INVALID_ARGUMENT naming it', async () => {
      const g = await rpc('GetUser', { externalUserId: 'jan\u00000001' }, KEYS.writer);
      expect(g.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(g.trailers['error-field']).toBe('externalUserId');
      // Nested fields are named as REST names them.
      const file = { filename: 'id\u0000.png', contentType: 'image/png', data: Buffer.from('png') };
      const nested = await rpc('AddKycFiles', { externalUserId: 'jan-0001', files: [file] }, KEYS.writer);
      expect([nested.error?.code, nested.trailers['error-field']]).toEqual([grpc.status.INVALID_ARGUMENT, 'files.0.filename']);
    });

    it('carries the correlation id back in gRPC metadata', async () => {
      const g = await rpc('GetUser', { externalUserId: 'x' }, KEYS.writer, { 'x-correlation-id': 'corr-grpc-0001' });
      expect(g.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(g.headers['x-correlation-id']).toBe('corr-grpc-0001');
    });
  });

  describe('grpc.health.v1 and reflection', () => {
    it('answers SERVING when the readiness checks pass, NOT_SERVING when one fails, like /health', async () => {
      const check = (service: string) => grpcHealthStatus(gw.grpcAddress, service);
      expect(await check('')).toBe('SERVING');
      expect(await check('p100platform.v1.UsersService')).toBe('SERVING');
      expect((await fetch(`${gw.url}/health`)).status).toBe(200);
      let failing = true;
      gw.app.get(ReadinessRegistry).register({
        name: 'test-switch',
        check: async () => {
          if (failing) throw new Error('switched off by the test');
        },
      });
      expect(await check('')).toBe('NOT_SERVING');
      expect((await fetch(`${gw.url}/health`)).status).toBe(503);
      failing = false;
      expect(await check('')).toBe('SERVING');
      await expect(check('no.such.Service')).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    });

    it('lists the platform services and health through server reflection', async () => {
      const services = await grpcReflectedServices(gw.grpcAddress);
      expect(services).toEqual(expect.arrayContaining(['p100platform.v1.UsersService', 'grpc.health.v1.Health']));
    });
  });
});
