import path from 'node:path';
import { Metadata, type ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync, type Options as LoaderOptions } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { Logger } from '@nestjs/common';
import { GrpcMethodStreamingType, ServerGrpc, type MessageHandler } from '@nestjs/microservices';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { from } from 'rxjs';
import { DomainError, KYC_FILE_LIMITS, PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';
import type { ReadinessRegistry } from '@platform/health';
import { CORRELATION_HEADER, newCorrelationId, runWithCorrelation, sanitizeCorrelationId } from '@platform/logging';
import type { AccessControl } from '../access/access-control';
import type { AnyOperation as Operation } from '../operations/operation';
import type { OperationInvoker } from '../operations/operation-invoker';
import { toGrpcError } from './grpc-errors';
import { addHealthService } from './grpc-health.service';
import { assertStorableStrings } from './grpc-input';
import { withoutNulls } from './message-types';

/**
 * camelCase fields like the REST bodies; no defaults, so an unset field is absent (a 400
 * "is required", as over REST) rather than an empty string; no virtual oneof fields (`_field`
 * names for proto3 optional), which the strict input schemas would refuse.
 */
const LOADER_OPTIONS: LoaderOptions = { keepCase: false, longs: String, enums: String, defaults: false, oneofs: false, includeDirs: [PROTO_ROOT] };

/** The largest call is a KYC upload: 3 files of 5 MB, and a little for the rest of the message. */
export const GRPC_MAX_RECEIVE_BYTES = KYC_FILE_LIMITS.maxFiles * KYC_FILE_LIMITS.maxBytes + 64 * 1024;
const GRPC_MAX_METADATA_BYTES = 16 * 1024;

export interface GrpcEdgeOptions {
  host: string;
  port: number;
  operations: readonly Operation[];
  access: AccessControl;
  invoker: OperationInvoker;
  readiness: ReadinessRegistry;
}

/**
 * The gateway's gRPC edge (Nest's gRPC transport): one handler per operation of the table,
 * grpc.health.v1 from the same readiness as /health, and server reflection. Calls go through
 * the same access control and invoker as REST; metadata carries x-api-key, idempotency-key and
 * x-correlation-id; the caller's deadline bounds the command's timeout.
 */
export function createGrpcEdge(options: GrpcEdgeOptions): ServerGrpc {
  const serviceNames = [...new Set(options.operations.map((op) => `${PLATFORM_GRPC_PACKAGE}.${op.grpc.service}`))];
  const server = new ServerGrpc({
    package: PLATFORM_GRPC_PACKAGE,
    protoPath: PLATFORM_PROTO_FILES,
    url: `${options.host}:${options.port}`,
    loader: LOADER_OPTIONS,
    maxReceiveMessageLength: GRPC_MAX_RECEIVE_BYTES,
    maxMetadataSize: GRPC_MAX_METADATA_BYTES,
    gracefulShutdown: false,
    onLoadPackageDefinition: (_definition, grpcServer) => {
      addHealthService(grpcServer, options.readiness, serviceNames);
      new ReflectionService(reflectedDefinition()).addToServer(grpcServer);
    },
  });
  const logger = new Logger('GrpcEdge');
  for (const operation of options.operations) {
    const pattern = { service: `${PLATFORM_GRPC_PACKAGE}.${operation.grpc.service}`, rpc: operation.grpc.method, streaming: GrpcMethodStreamingType.NO_STREAMING };
    // Nest calls a gRPC handler with (request, metadata, call). An Observable, so that a failure
    // reaches grpc-js's callback (with our status and trailers) instead of an unhandled rejection.
    const handler = async (message: Record<string, unknown>, metadata: Metadata, call: ServerUnaryCall<unknown, unknown>) =>
      from(
        serve(operation, message, metadata, call, options).catch((error: unknown) => {
          if (!(error instanceof DomainError)) logger.error({ err: error, operation: operation.name }, 'gRPC call failed');
          throw toGrpcError(error);
        }),
      );
    server.addHandler(pattern, handler as unknown as MessageHandler);
  }
  return server;
}

async function serve(operation: Operation, message: Record<string, unknown>, metadata: Metadata, call: ServerUnaryCall<unknown, unknown>, options: GrpcEdgeOptions): Promise<unknown> {
  const correlationId = sanitizeCorrelationId(single(metadata, CORRELATION_HEADER)) ?? newCorrelationId();
  return runWithCorrelation(correlationId, async () => {
    try {
      const client = options.access.admit(operation, single(metadata, 'x-api-key'));
      assertStorableStrings(message);
      const result = await options.invoker.invoke(operation, {
        edge: 'grpc',
        client,
        input: operation.grpc.toInput ? operation.grpc.toInput(message) : message,
        idempotencyKey: single(metadata, 'idempotency-key'),
        deadline: deadlineOf(call),
      });
      return withoutNulls(result.body);
    } finally {
      // With the answer, not ahead of it: sent at the start, the headers left in a socket write
      // of their own while the command ran; now they go out with the message or the error.
      const answer = new Metadata();
      answer.set(CORRELATION_HEADER, correlationId);
      call.sendMetadata(answer);
    }
  });
}

/** One value of a metadata key; several values of one key are refused, as REST refuses several headers. */
function single(metadata: Metadata, key: string): string | undefined {
  const values = metadata.get(key);
  if (values.length > 1) throw new DomainError('VALIDATION_FAILED', `${key}: send one value, not ${values.length}`, { field: key });
  const [value] = values;
  return typeof value === 'string' ? value : undefined;
}

function deadlineOf(call: ServerUnaryCall<unknown, unknown>): number | undefined {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

/** What reflection describes: the platform's services and the health service. */
function reflectedDefinition() {
  const healthRoot = path.resolve(path.dirname(healthProtoPath), '../..');
  return loadSync([...PLATFORM_PROTO_FILES, path.relative(healthRoot, healthProtoPath)], { ...LOADER_OPTIONS, includeDirs: [PROTO_ROOT, healthRoot] });
}
