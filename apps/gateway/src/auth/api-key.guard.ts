import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { ApiKeys } from './api-keys';

export type AuthenticatedRequest = FastifyRequest & { caller?: string };

/**
 * Names the calling product service on the request. The key was already checked before the body
 * was read (authenticate-before-parse.hook.ts); the guard keeps every route protected should a
 * route ever be reached without that hook (tests that mount the controllers alone).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: ApiKeys;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.keys = new ApiKeys(config.GATEWAY_API_KEYS);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.caller ??= this.keys.authenticate(request.headers['x-api-key']);
    return true;
  }
}
