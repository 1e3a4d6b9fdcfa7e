import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '@platform/contracts';
import type { GatewayConfig } from '../gateway.config';
import { gatewayEnv } from '../gateway.config';
import { ApiKeyGuard, type AuthenticatedRequest } from './api-key.guard';

const config = gatewayEnv.parse({
  DATABASE_URL: 'postgres://x@y/z',
  KAFKA_BROKERS: 'k:1',
  GATEWAY_API_KEYS: 'checkout:checkout-key-0123456789,payouts:payouts-key-0123456789',
}) as GatewayConfig;

function contextFor(headers: Record<string, string>): { context: ExecutionContext; request: AuthenticatedRequest } {
  const request = { headers } as unknown as AuthenticatedRequest;
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  return { context, request };
}

describe('ApiKeyGuard', () => {
  const guard = new ApiKeyGuard(config);

  it('lets a known product service in and names it as the caller', () => {
    const { context, request } = contextFor({ 'x-api-key': 'payouts-key-0123456789' });
    expect(guard.canActivate(context)).toBe(true);
    expect(request.caller).toBe('payouts');
  });

  it.each([
    ['no header', {}],
    ['an empty key', { 'x-api-key': '' }],
    ['a wrong key', { 'x-api-key': 'payouts-key-0123456780' }],
    ['a prefix of a key', { 'x-api-key': 'payouts-key' }],
  ])('refuses %s with UNAUTHENTICATED', (_label, headers) => {
    const { context } = contextFor(headers as Record<string, string>);
    expect(() => guard.canActivate(context)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as unknown as DomainError);
  });

  it('refuses to start with a key shorter than 16 characters', () => {
    expect(gatewayEnv.safeParse({ DATABASE_URL: 'postgres://x@y/z', KAFKA_BROKERS: 'k:1', GATEWAY_API_KEYS: 'a:short' }).success).toBe(false);
  });
});
