import { WebhookTokenVerifier } from '@platform/p100-client';
import { bootstrapService, runService } from '@platform/service';
import { AppModule } from './app.module';
import { loadWebhookIngestConfig, type WebhookIngestConfig } from './webhook-ingest.config';
import { registerInvalidWebhookMetrics } from './webhooks/invalid-webhook-metrics.hook';
import { ReceiveWebhookHandler } from './webhooks/receive-webhook.handler';
import { registerWebhookAuth } from './webhooks/webhook-auth.hook';
import { registerWebhookRoutes } from './webhooks/webhook.routes';

export async function startWebhookIngest(config: WebhookIngestConfig) {
  const verifier = new WebhookTokenVerifier({ current: config.P100_WEBHOOK_TOKEN, previous: config.P100_WEBHOOK_TOKEN_PREVIOUS });
  return bootstrapService({
    name: 'webhook-ingest',
    module: AppModule.register(config),
    port: config.PORT,
    host: config.HOST,
    bodyLimitBytes: config.WEBHOOK_BODY_LIMIT_BYTES,
    // JSON parsing is the webhook routes' own (webhook.routes.ts): bounded, once, on the exact text.
    bodyParser: false,
    configure: (app) => {
      const fastify = app.getHttpAdapter().getInstance();
      registerWebhookAuth(fastify, verifier);
      registerInvalidWebhookMetrics(fastify);
      registerWebhookRoutes(fastify, app.get(ReceiveWebhookHandler));
    },
  });
}

if (require.main === module) runService(() => startWebhookIngest(loadWebhookIngestConfig()));
