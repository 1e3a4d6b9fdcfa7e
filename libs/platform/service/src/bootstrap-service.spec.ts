import { Body, Controller, Get, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@platform/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@platform/logging';
import { bootstrapService } from './bootstrap-service';
import { parseInput } from './parse-input';
import { PlatformModule } from './platform.module';

const transferSchema = z.object({ externalUserId: z.string().min(1), amount: z.string().regex(/^\d+(\.\d+)?$/) });

@Controller('test')
class TestController {
  @Get('domain/:code')
  domain(@Param('code') code: string): never {
    throw new DomainError(code, `failed with ${code}`, { reason: 'test' });
  }

  @Get('crash')
  crash(): never {
    throw new Error('password=hunter2 at db.internal:5432');
  }

  @Post('transfers')
  transfer(@Body() body: unknown) {
    return { accepted: parseInput(transferSchema, body) };
  }

  // Awaits first: the id must survive the async hops of a real handler, not only its first tick.
  @Get('whoami')
  async whoami() {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { correlationId: currentCorrelationId() };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'platform-service-test', logLevel: 'silent' })], controllers: [TestController] })
class TestServiceModule {}

describe('a service started by bootstrapService (Fastify on a real port)', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await bootstrapService({ name: 'platform-service-test', module: TestServiceModule, port: 0, host: '127.0.0.1', bodyLimitBytes: 1024 });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());

  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${baseUrl}${path}`, init);
    return { status: response.status, headers: response.headers, body: await response.json().catch(() => undefined) };
  };
  const post = (path: string, body: string) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('maps DomainError codes to their HTTP status with code, message and details in the body', async () => {
    const cases: Array<[string, number]> = [
      ['VALIDATION_FAILED', 400],
      ['USER_NOT_FOUND', 404],
      ['USER_ALREADY_EXISTS', 409],
      ['IDEMPOTENCY_KEY_REUSED', 422],
      ['P100_UNAVAILABLE', 503],
      ['UPSTREAM_TIMEOUT', 504],
      ['SOMETHING_NEW', 500],
    ];
    for (const [code, status] of cases) {
      const response = await call(`/test/domain/${code}`);
      expect({ code, status: response.status }).toEqual({ code, status });
      expect(response.body).toEqual({ error: { code, message: `failed with ${code}`, details: { reason: 'test' } } });
    }
  });

  it('answers an unexpected error with 500 INTERNAL and nothing of its message', async () => {
    const response = await call('/test/crash');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
  });

  it('answers invalid input through parseInput with 400 and the field, malformed JSON and oversize bodies by their own codes', async () => {
    const missing = await post('/test/transfers', JSON.stringify({ amount: '1.50' }));
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'externalUserId: is required' } } });
    expect(await post('/test/transfers', JSON.stringify({ externalUserId: 'u-1', amount: '1.50' }))).toMatchObject({
      status: 201,
      body: { accepted: { externalUserId: 'u-1', amount: '1.50' } },
    });
    expect(await post('/test/transfers', '{"externalUserId": ')).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_JSON' } } });
    const oversize = JSON.stringify({ externalUserId: 'x'.repeat(2048), amount: '1' });
    expect(await post('/test/transfers', oversize)).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(await call('/test/no-such-route')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it("answers the router's own refusals (a path parameter over Fastify's limit, a malformed URL) in the platform's shape", async () => {
    const long = await call(`/test/domain/${'X'.repeat(300)}`);
    expect(long).toMatchObject({ status: 414, body: { error: { code: 'URI_TOO_LONG' } } });
    expect(Object.keys(long.body)).toEqual(['error']);
    const badUrl = await call('/test/domain/%E0%A4%A');
    expect(badUrl).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(Object.keys(badUrl.body)).toEqual(['error']);
  });

  it('echoes a caller x-correlation-id and makes it the correlation id inside the handler', async () => {
    const response = await call('/test/whoami', { headers: { [CORRELATION_HEADER]: 'caller-req-42' } });
    expect(response.headers.get(CORRELATION_HEADER)).toBe('caller-req-42');
    expect(response.body).toEqual({ correlationId: 'caller-req-42' });
  });

  it('replaces a missing or unsafe x-correlation-id with a fresh one, the same in the reply and the handler', async () => {
    for (const headers of [{}, { [CORRELATION_HEADER]: 'bad id\twith spaces' }] as Array<Record<string, string>>) {
      const response = await call('/test/whoami', { headers });
      const id = response.headers.get(CORRELATION_HEADER);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).toEqual({ correlationId: id });
    }
  });

  it('serves Prometheus metrics on /metrics, counting requests by route template', async () => {
    await call('/test/domain/USER_NOT_FOUND');
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/http_requests_total\{[^}]*method="GET"[^}]*route="\/test\/domain\/:code"[^}]*status="404"[^}]*\} [1-9]/);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('serves /health/live and /health (ready with no dependencies registered)', async () => {
    expect(await call('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await call('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
