import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@platform/contracts';
import { WebhookTokenVerifier } from '@platform/p100-client';
import { WEBHOOK_INGEST_CONFIG, type WebhookIngestConfig } from '../webhook-ingest.config';

const ADMIN_PATH_PREFIX = '/admin/';

/** Whether the request matched a route of the operator API (by its route pattern, not its URL). */
export function isAdminRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith(ADMIN_PATH_PREFIX) ?? false;
}

/**
 * The operator API (list, inspect, replay) takes `Authorization: Bearer <WEBHOOK_ADMIN_TOKEN>`,
 * a secret separate from P100's webhook token. The comparison is constant-time (the shared-token
 * verifier hashes both sides); without a configured token every call is refused.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly verifier: WebhookTokenVerifier | null;

  constructor(@Inject(WEBHOOK_INGEST_CONFIG) config: WebhookIngestConfig) {
    this.verifier = config.WEBHOOK_ADMIN_TOKEN ? new WebhookTokenVerifier({ current: config.WEBHOOK_ADMIN_TOKEN }) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (this.verifier?.verify(token)) return true;
    throw new DomainError('UNAUTHENTICATED', this.verifier ? 'missing or wrong admin token' : 'the operator API is disabled: WEBHOOK_ADMIN_TOKEN is not set');
  }
}
