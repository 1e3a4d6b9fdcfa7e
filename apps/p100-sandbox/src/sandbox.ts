import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapService } from '@platform/service';
import { createAppModule, SERVICE_NAME } from './app.module';
import type { SandboxConfig } from './config/sandbox-config';
import { SandboxExceptionFilter } from './errors/sandbox-exception.filter';
import { KYC_UPLOAD_LIMITS } from './kyc/kyc-upload-limits';
import { registerP100RequestMetrics } from './metrics/p100-request-metrics.hook';

/** Starts the sandbox (HTTP listening, workers running) for one configuration. */
export async function startSandbox(config: SandboxConfig): Promise<NestFastifyApplication> {
  const app = await bootstrapService({
    name: SERVICE_NAME,
    module: createAppModule(config),
    port: config.port,
    host: config.host,
    // P100 takes some amounts as JSON numbers: request parsing reads their exact source text.
    rawBody: true,
    swagger: {
      title: 'P100 sandbox',
      description:
        'A stateful simulator of the P100 Partner API (/v1, x-api-key) with an admin API (/admin) to steer it. ' +
        'Contract: ../shared/p100-api.',
      path: 'docs',
    },
    configure: async (app) => {
      // An oversized file is truncated and flagged (answered P440), not thrown as a 413.
      // Per-request limits are set where files are read; these are the outer bounds.
      await app.register(fastifyMultipart, {
        throwFileSizeLimit: false,
        limits: { fileSize: KYC_UPLOAD_LIMITS.maxBytes, fields: 50, parts: 100 },
      });
      app.useGlobalFilters(new SandboxExceptionFilter());
      registerP100RequestMetrics(app.getHttpAdapter().getInstance());
    },
  });
  return app as NestFastifyApplication;
}
