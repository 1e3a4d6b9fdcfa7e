import { Registry } from 'prom-client';
import { P100Client } from './client';
import * as api from './index';
import { OPERATION_NAMES, OPERATIONS, type OperationName } from './operations';
import type { P100Request } from './request';

describe('P100Client resources', () => {
  it('reaches every operation of the contract through a typed resource method', async () => {
    const client = new P100Client({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k-123456' }, { registry: new Registry() });
    client.close();
    const seen = new Set<OperationName>();
    const fakeSend = async (request: P100Request) => void seen.add(request.operation);
    const file = { filename: 'a.jpg', contentType: 'image/jpeg', data: Buffer.from('x') };

    for (const resource of [client.users, client.kyc, client.partner, client.exchange, client.sepa, client.crypto, client.transfers, client.cards, client.orders]) {
      (resource as unknown as { send: unknown }).send = fakeSend;
      const proto = Object.getPrototypeOf(resource) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor')) {
        await (resource as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]('ext-1', [file]);
      }
    }

    expect([...seen].sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('catalogues all 57 operations of openapi.yaml with well-formed paths', () => {
    expect(OPERATION_NAMES).toHaveLength(57);
    for (const name of OPERATION_NAMES) expect(OPERATIONS[name].path).toMatch(/^\/v1\/[a-z0-9\-/{}A-Z]+$/);
    const inferred = OPERATION_NAMES.filter((n) => OPERATIONS[n].source === 'inferred');
    expect(inferred).toHaveLength(21);
    expect(inferred.every((n) => OPERATIONS[n].inferred)).toBe(true);
  });
});

describe('public surface', () => {
  it('exports the client, errors, helpers and webhook tools from one index', () => {
    expect(api.P100Client).toBe(P100Client);
    expect(typeof api.p100ConfigFromEnv).toBe('function');
    expect(typeof api.jsonNumber).toBe('function');
    expect(typeof api.WebhookTokenVerifier).toBe('function');
    expect(new api.P100InsufficientFundsError('P433', 400, 'x')).toBeInstanceOf(api.P100Error);
    expect(Object.keys(api)).not.toContain('httpCall');
  });
});
