import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@platform/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { accessMetrics } from './access.metrics';
import { ClientRegistry, type AuthenticatedClient } from './client-registry';
import type { Scope } from './scopes';
import { TokenBuckets } from './token-bucket';

export interface GuardedOperation {
  name: string;
  scope: Scope;
}

/**
 * Who may call what, decided once per call and before any input is read, for both edges:
 * authenticate the key (401), check the operation's scope (403 naming it), take a token from
 * the client's bucket (429 with the wait). Every decision is counted by client and operation.
 */
@Injectable()
export class AccessControl {
  private readonly registry: ClientRegistry;
  private readonly buckets = new TokenBuckets();
  private readonly defaultLimit: { perSecond: number; burst: number };

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.registry = new ClientRegistry(config.clients);
    this.defaultLimit = { perSecond: config.GATEWAY_RATE_LIMIT_PER_SECOND, burst: config.GATEWAY_RATE_LIMIT_BURST };
  }

  /** The caller, or DomainError UNAUTHENTICATED / PERMISSION_DENIED / RATE_LIMITED. */
  admit(operation: GuardedOperation, presentedKey: unknown): AuthenticatedClient {
    const client = this.authenticate(operation.name, presentedKey);
    if (!client.scopes.has(operation.scope)) {
      accessMetrics.decisions.inc({ client: client.name, operation: operation.name, decision: 'permission_denied' });
      throw new DomainError('PERMISSION_DENIED', `${operation.name} needs the scope ${operation.scope}, which client ${client.name} does not have`, {
        requiredScope: operation.scope,
      });
    }
    const waitMs = this.buckets.take(client.name, client.rateLimit ?? this.defaultLimit);
    if (waitMs > 0) {
      accessMetrics.decisions.inc({ client: client.name, operation: operation.name, decision: 'rate_limited' });
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new DomainError('RATE_LIMITED', `client ${client.name} is over its rate limit; retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
    accessMetrics.decisions.inc({ client: client.name, operation: operation.name, decision: 'allowed' });
    return client;
  }

  /** Only the key (for paths that match no operation: a 401 before the 404). */
  authenticate(operationName: string, presentedKey: unknown): AuthenticatedClient {
    try {
      const client = this.registry.authenticate(presentedKey);
      accessMetrics.keyUse.inc({ client: client.name, key_id: client.keyId });
      return client;
    } catch (error) {
      accessMetrics.decisions.inc({ client: 'unknown', operation: operationName, decision: 'unauthenticated' });
      throw error;
    }
  }
}
