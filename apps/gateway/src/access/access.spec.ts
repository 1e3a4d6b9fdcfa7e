import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ConfigError } from '@platform/config';
import { loadGatewayConfig } from '../gateway.config';
import { ClientRegistry } from './client-registry';
import { TokenBuckets } from './token-bucket';

const sha = (k: string) => createHash('sha256').update(k).digest('hex');
const base = { DATABASE_URL: 'postgres://x@y/z', KAFKA_BROKERS: 'k:1' };
const client = (over: Record<string, unknown> = {}) => ({ name: 'statements', keys: [{ id: 'k1', sha256: sha('statements-key-000000000001') }], scopes: ['users:read'], ...over });

describe('gateway clients configuration', () => {
  it('reads GATEWAY_CLIENTS, or the JSON file GATEWAY_CLIENTS_FILE names', () => {
    expect(loadGatewayConfig({ ...base, GATEWAY_CLIENTS: JSON.stringify([client()]) }).clients[0]!.name).toBe('statements');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gw-')), 'clients.json');
    writeFileSync(file, JSON.stringify([client({ name: 'ledger' })]));
    expect(loadGatewayConfig({ ...base, GATEWAY_CLIENTS_FILE: file }).clients[0]!.name).toBe('ledger');
  });

  it.each([
    ['neither variable', {}, 'GATEWAY_CLIENTS'],
    ['both variables', { GATEWAY_CLIENTS: '[]', GATEWAY_CLIENTS_FILE: '/x' }, 'not both'],
    ['not JSON', { GATEWAY_CLIENTS: '{' }, 'not JSON'],
    ['a key in clear instead of its digest', { GATEWAY_CLIENTS: JSON.stringify([client({ keys: [{ id: 'k1', sha256: 'statements-key-000000000001' }] })]) }, 'SHA-256'],
    ['three keys', { GATEWAY_CLIENTS: JSON.stringify([client({ keys: ['1', '2', '3'].map((id) => ({ id, sha256: sha(id) })) })]) }, 'at most two'],
    ['an unknown scope', { GATEWAY_CLIENTS: JSON.stringify([client({ scopes: ['users:everything'] })]) }, 'scopes'],
    ['a client listed twice', { GATEWAY_CLIENTS: JSON.stringify([client(), client()]) }, 'listed twice'],
    ['one key shared by two clients', { GATEWAY_CLIENTS: JSON.stringify([client(), client({ name: 'other' })]) }, 'also another key'],
  ])('refuses %s at start, saying what is wrong', (_label, env, message) => {
    const error = (() => {
      try {
        loadGatewayConfig({ ...base, ...env });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('statements-key-000000000001x');
  });
});

describe('ClientRegistry', () => {
  const registry = new ClientRegistry([
    { name: 'payouts', keys: [{ id: 'old', sha256: sha('payouts-old-key-0000000001') }, { id: 'new', sha256: sha('payouts-new-key-0000000001') }], scopes: ['payments:write'] },
  ]);

  it('knows a client by either of its keys and says which key was used', () => {
    expect(registry.authenticate('payouts-old-key-0000000001')).toMatchObject({ name: 'payouts', keyId: 'old' });
    expect(registry.authenticate('payouts-new-key-0000000001')).toMatchObject({ name: 'payouts', keyId: 'new' });
  });

  it.each([undefined, '', 'payouts-old-key-000000000', 'x'.repeat(10_000), ['payouts-old-key-0000000001']])('refuses %p', (key) => {
    expect(() => registry.authenticate(key)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as unknown as Error);
  });
});

describe('TokenBuckets', () => {
  it('allows the burst, then one call per refill interval, per client', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const settings = { perSecond: 2, burst: 3 };
    expect([1, 2, 3].map(() => buckets.take('a', settings))).toEqual([0, 0, 0]);
    expect(buckets.take('a', settings)).toBe(500);
    expect(buckets.take('b', settings)).toBe(0);
    now = 499;
    expect(buckets.take('a', settings)).toBe(1);
    now = 500;
    expect(buckets.take('a', settings)).toBe(0);
    now = 100_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a', settings))).toEqual([0, 0, 0, 500]);
  });
});
