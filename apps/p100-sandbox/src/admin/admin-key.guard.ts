import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../auth/constant-time-equal';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';

/** /admin needs `x-admin-key` when P100_SANDBOX_ADMIN_KEY is set; it is open otherwise (local use). */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(@Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.adminKey) return true;
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['x-admin-key'];
    if (!constantTimeEqual(typeof header === 'string' ? header : undefined, this.config.adminKey)) {
      throw new UnauthorizedException('x-admin-key is missing or wrong');
    }
    return true;
  }
}
