import multipart from '@fastify/multipart';
import { KYC_FILE_LIMITS } from '@platform/contracts';
import { ReadinessRegistry } from '@platform/health';
import { bootstrapService, runService } from '@platform/service';
import { AccessControl } from './access/access-control';
import { AppModule } from './app.module';
import { createGrpcEdge } from './grpc/grpc-edge';
import { useBoundedJsonParser } from './http/bounded-json.parser';
import { loadGatewayConfig, type GatewayConfig } from './gateway.config';
import { OPERATIONS } from './operations/operation-table';
import { OperationInvoker } from './operations/operation-invoker';
import { registerRestEdge } from './rest/rest-edge';
import { withOperations } from './rest/openapi-document';

/** The gateway: every operation of the table over REST (Fastify) and gRPC, from one invoker. */
export async function startGateway(config: GatewayConfig) {
  return bootstrapService({
    name: 'gateway',
    module: AppModule.register(config),
    port: config.PORT,
    host: config.HOST,
    // Our bounded JSON parser instead of Nest's (http/bounded-json.parser.ts).
    bodyParser: false,
    swagger: {
      title: 'P100 partner platform — gateway',
      description: 'The one door for product services: REST here, the same operations over gRPC (package p100platform.v1).',
      path: 'docs',
      extend: (document) => withOperations(document, OPERATIONS),
    },
    configure: async (app) => {
      const fastify = app.getHttpAdapter().getInstance();
      const access = app.get(AccessControl);
      const invoker = app.get(OperationInvoker);
      useBoundedJsonParser(fastify);
      await app.register(multipart as never, {
        limits: { fileSize: KYC_FILE_LIMITS.maxBytes, files: KYC_FILE_LIMITS.maxFiles + 1, fields: 10 },
      });
      registerRestEdge(fastify, OPERATIONS, access, invoker);
      app.connectMicroservice({
        strategy: createGrpcEdge({ host: config.HOST, port: config.GRPC_PORT, operations: OPERATIONS, access, invoker, readiness: app.get(ReadinessRegistry) }),
      });
    },
  });
}

if (require.main === module) runService(() => startGateway(loadGatewayConfig()));
