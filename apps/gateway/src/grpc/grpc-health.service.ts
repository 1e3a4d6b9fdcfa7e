import type { Server, ServerUnaryCall, ServerWritableStream, sendUnaryData } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { GRPC_STATUS } from '@platform/contracts';
import { evaluateReadiness, type ReadinessRegistry } from '@platform/health';

type ServingStatus = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';
/** How often a Watch re-evaluates readiness while a client watches (none at rest). */
const WATCH_INTERVAL_MS = 1_000;

/**
 * The standard grpc.health.v1.Health service, answering from the same readiness checks as
 * HTTP /health (Postgres, the Kafka reply consumer): SERVING only when all of them pass.
 * Answers for the whole server ("") and for each of the platform's services.
 */
export function addHealthService(server: Pick<Server, 'addService'>, registry: ReadinessRegistry, serviceNames: readonly string[]): void {
  const known = new Set(['', ...serviceNames]);
  const status = async (): Promise<ServingStatus> => ((await evaluateReadiness(registry)).ready ? 'SERVING' : 'NOT_SERVING');

  server.addService(healthService, {
    check: (call: ServerUnaryCall<{ service: string }, unknown>, callback: sendUnaryData<unknown>) => {
      if (!known.has(call.request.service)) return callback({ code: GRPC_STATUS.NOT_FOUND, details: `no service ${call.request.service} here` });
      void status().then((s) => callback(null, { status: s }));
    },
    watch: (call: ServerWritableStream<{ service: string }, unknown>) => {
      if (!known.has(call.request.service)) {
        call.write({ status: 'SERVICE_UNKNOWN' });
        return;
      }
      let last: ServingStatus | undefined;
      const publish = async () => {
        const s = await status();
        if (s !== last && !call.cancelled) call.write({ status: (last = s) });
      };
      void publish();
      const timer = setInterval(() => void publish(), WATCH_INTERVAL_MS);
      const stop = () => clearInterval(timer);
      call.on('cancelled', stop);
      call.on('close', stop);
    },
    list: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      void status().then((s) => callback(null, { statuses: Object.fromEntries([...known].map((name) => [name, { status: s }])) }));
    },
  });
}
