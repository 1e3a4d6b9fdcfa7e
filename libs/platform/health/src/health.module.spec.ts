import { Catch, Module, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthModule } from './health.module';
import { ReadinessRegistry } from './readiness.registry';

@Module({ imports: [HealthModule] })
class TestAppModule {}

/**
 * Services run behind a catch-all error filter (platform-service's HttpErrorFilter) that turns
 * any exception into a generic body; readiness must keep its per-check report under one.
 */
@Catch()
class CatchAllFilter implements ExceptionFilter {
  catch(_exception: unknown, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse().status(500).send({ error: { code: 'INTERNAL' } });
  }
}

/** A small Fastify app with only the health endpoints; requests go through `inject`, no port. */
async function startApp(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new CatchAllFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function get(app: NestFastifyApplication, url: string): Promise<{ status: number; body: any }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
}

describe('HealthModule endpoints', () => {
  let app: NestFastifyApplication;
  let registry: ReadinessRegistry;

  beforeEach(async () => {
    app = await startApp();
    registry = app.get(ReadinessRegistry);
  });
  afterEach(() => app.close());

  it('answers 503 on /health and /health/ready until every registered check passes, then 200', async () => {
    let kafkaUp = false;
    registry.register({ name: 'postgres', check: async () => undefined });
    registry.register({
      name: 'kafka-consumer',
      check: async () => {
        if (!kafkaUp) throw new Error('consumer has not joined its group yet');
      },
    });

    for (const url of ['/health', '/health/ready']) {
      const down = await get(app, url);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'error',
        info: { postgres: { status: 'up' } },
        error: { 'kafka-consumer': { status: 'down', message: 'consumer has not joined its group yet' } },
      });
    }

    kafkaUp = true;
    for (const url of ['/health', '/health/ready']) {
      const up = await get(app, url);
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, 'kafka-consumer': { status: 'up' } } });
    }
  });

  it('answers /health/live with 200 while readiness is failing', async () => {
    registry.register({ name: 'postgres', check: async () => Promise.reject(new Error('connection refused')) });
    expect((await get(app, '/health/ready')).status).toBe(503);
    expect(await get(app, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('reports a check that hangs as down after its timeout instead of hanging the probe', async () => {
    registry.register({ name: 'stuck', check: () => new Promise<void>(() => undefined) });
    const started = Date.now();
    const response = await get(app, '/health/ready');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ error: { stuck: { status: 'down', message: 'timed out after 2000 ms' } } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('is ready when nothing has registered a dependency', async () => {
    expect(await get(app, '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
