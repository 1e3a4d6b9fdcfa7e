import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { markOperation } from '../shared/p100-request';
import { AccessDeniedError } from './access-denied.error';
import { constantTimeEqual } from './constant-time-equal';

/**
 * Every P100 path requires `x-api-key` equal to the partner's key. Like P100, a key with stray
 * whitespace is a different key. Also names the operation for the request metrics, because it
 * runs before anything else on every P100 route.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    markOperation(request, context.getHandler().name);
    const header = request.headers['x-api-key'];
    if (!constantTimeEqual(typeof header === 'string' ? header : undefined, this.config.apiKey)) {
      throw new AccessDeniedError();
    }
    return true;
  }
}
