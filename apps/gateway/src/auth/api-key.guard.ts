import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@platform/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

export type AuthenticatedRequest = FastifyRequest & { caller?: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Authenticates the calling product service by its `x-api-key`. Keys are compared as SHA-256
 * digests with timingSafeEqual, against every key, so neither length nor position leaks.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: { name: string; digest: Buffer }[];

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.keys = config.GATEWAY_API_KEYS.map((k) => ({ name: k.name, digest: digest(k.key) }));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = request.headers['x-api-key'];
    if (typeof presented !== 'string' || presented.length === 0) {
      throw new DomainError('UNAUTHENTICATED', 'missing x-api-key header');
    }
    const presentedDigest = digest(presented);
    let caller: string | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, presentedDigest)) caller = key.name;
    }
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'unknown API key');
    request.caller = caller;
    return true;
  }
}
