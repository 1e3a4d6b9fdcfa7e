import multipart from '@fastify/multipart';
import { KYC_FILE_LIMITS } from '@platform/contracts';
import { bootstrapService, runService } from '@platform/service';
import { AppModule } from './app.module';
import { ApiKeys } from './auth/api-keys';
import { authenticateBeforeParse } from './auth/authenticate-before-parse.hook';
import { useBoundedJsonParser } from './http/bounded-json.parser';
import { loadGatewayConfig, type GatewayConfig } from './gateway.config';

export async function startGateway(config: GatewayConfig) {
  return bootstrapService({
    name: 'gateway',
    module: AppModule.register(config),
    port: config.PORT,
    host: config.HOST,
    // Our bounded JSON parser instead of Nest's (http/bounded-json.parser.ts).
    bodyParser: false,
    swagger: { title: 'P100 partner platform — gateway', description: 'The one door for product services.', path: 'docs' },
    configure: async (app) => {
      const fastify = app.getHttpAdapter().getInstance();
      authenticateBeforeParse(fastify, new ApiKeys(config.GATEWAY_API_KEYS));
      useBoundedJsonParser(fastify);
      await app.register(multipart as never, {
        limits: { fileSize: KYC_FILE_LIMITS.maxBytes, files: KYC_FILE_LIMITS.maxFiles + 1, fields: 10 },
      });
    },
  });
}

if (require.main === module) runService(() => startGateway(loadGatewayConfig()));
