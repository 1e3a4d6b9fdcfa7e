import { Inject, Injectable } from '@nestjs/common';
import { CALLER_MARGIN_MS, DomainError } from '@platform/contracts';
import { parseInput } from '@platform/service';
import type { AuthenticatedClient } from '../access/client-registry';
import { CardsSecureLane } from '../cards/cards-secure-lane';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { IdempotencyService, type StoredResponse } from '../idempotency/idempotency.service';
import { GatewayCommandBus } from '../messaging/command-bus.provider';
import type { AnyOperation, HandlerDeps } from './operation';
import { operationMetrics } from './operation.metrics';

export type Edge = 'rest' | 'grpc';

export interface Invocation {
  edge: Edge;
  client: AuthenticatedClient;
  /** The input as the edge read it; validated here against the operation's schema. */
  input: unknown;
  idempotencyKey?: string;
  /** The caller's own deadline (epoch ms), e.g. a gRPC deadline. */
  deadline?: number;
}

/**
 * The one path every admitted call takes, from either edge: the operation's idempotency policy,
 * input validation (400 naming the field), the time left, Idempotency-Key replay, the handler.
 */
@Injectable()
export class OperationInvoker {
  private readonly deps: HandlerDeps;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly idempotency: IdempotencyService,
    bus: GatewayCommandBus,
    cardsLane: CardsSecureLane,
  ) {
    this.deps = { bus, cardsLane };
  }

  async invoke(operation: AnyOperation, call: Invocation): Promise<StoredResponse> {
    const stopTimer = operationMetrics.duration.startTimer({ edge: call.edge, operation: operation.name });
    let outcome = 'ok';
    try {
      return await this.run(operation, call);
    } catch (error) {
      outcome = error instanceof DomainError ? error.code : 'INTERNAL';
      throw error;
    } finally {
      stopTimer();
      operationMetrics.calls.inc({ edge: call.edge, operation: operation.name, client: call.client.name, outcome });
    }
  }

  private async run(operation: AnyOperation, call: Invocation): Promise<StoredResponse> {
    if (operation.idempotency === 'required' && call.idempotencyKey === undefined) {
      throw new DomainError('IDEMPOTENCY_KEY_REQUIRED', `${operation.name} moves money or creates something once: send an Idempotency-Key (REST header, gRPC metadata idempotency-key)`, {
        field: 'Idempotency-Key',
      });
    }
    const input = parseInput(operation.input, call.input);
    const timeoutMs = this.timeLeft(call.deadline);
    const handle = () => operation.handler(input, { caller: call.client.name, timeoutMs, idempotencyKey: call.idempotencyKey }, this.deps);
    const status = operation.rest.successStatus;
    if (operation.idempotency === 'none') return { status, body: await handle() };
    const fingerprint = { operation: operation.name, input: operation.fingerprint ? operation.fingerprint(input) : input };
    return this.idempotency.run(call.client.name, call.idempotencyKey, fingerprint, status, handle);
  }

  /** The gateway's own timeout, or less when the caller's deadline comes first. */
  private timeLeft(deadline: number | undefined): number {
    const own = this.config.GATEWAY_COMMAND_TIMEOUT_MS;
    if (deadline === undefined) return own;
    // Answer a little before the caller's deadline, so that it hears our answer rather than its own timeout.
    const left = Math.floor(deadline - CALLER_MARGIN_MS - Date.now());
    if (left <= 0) throw new DomainError('DEADLINE_EXCEEDED', 'the caller\'s deadline passed before the call could start');
    return Math.min(own, left);
  }
}
