import { createUser, json, newUserBody } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';

const ADMIN_KEY = 'sandbox-admin-key';

describe('health, metrics and the admin API', () => {
  const { sandbox } = useTestSandbox({ env: { P100_SANDBOX_ADMIN_KEY: ADMIN_KEY } });

  const asAdmin = (path: string, init: RequestInit = {}) =>
    sandbox.admin(path, { ...init, headers: { 'x-admin-key': ADMIN_KEY, ...(init.headers as Record<string, string>) } });

  it('answers /health with 200 once Postgres is reachable', async () => {
    const response = await fetch(`${sandbox.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' } } });
  });

  it('counts P100 requests by operation and status on /metrics', async () => {
    await createUser(sandbox);
    await sandbox.p100('/v1/user/balances/crypto-and-fiat', json(newUserBody({ country: 'IR' })));

    const metrics = await (await fetch(`${sandbox.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/sandbox_requests_total\{operation="createUserAccount",status="201"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/sandbox_requests_total\{operation="createUserAccount",status="P431"[^}]*\} [1-9]/);
    expect(metrics).toContain('# TYPE sandbox_webhook_deliveries_total counter');
  });

  it('refuses the admin API without the admin key when one is configured', async () => {
    const withoutKey = await sandbox.admin('/admin/webhooks/deliveries');
    expect(withoutKey.status).toBe(401);
    expect(await withoutKey.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await sandbox.admin('/admin/webhooks/deliveries', { headers: { 'x-admin-key': 'nope' } })).status).toBe(401);
    expect((await asAdmin('/admin/webhooks/deliveries')).status).toBe(200);
  });

  it('does not accept the partner API key on the admin API, nor the admin key on P100 paths', async () => {
    expect((await sandbox.admin('/admin/reset', { method: 'POST', headers: { 'x-api-key': sandbox.config.apiKey } })).status).toBe(401);
    const p100 = await fetch(`${sandbox.baseUrl}/v1/user/balances/anyone`, { headers: { 'x-admin-key': ADMIN_KEY } });
    expect(p100.status).toBe(401);
  });

  it('forgets every user on reset', async () => {
    const { externalUserId } = await createUser(sandbox);
    expect((await asAdmin('/admin/reset', { method: 'POST' })).status).toBe(200);
    const balances = await sandbox.p100(`/v1/user/balances/${externalUserId}`);
    expect(await balances.json()).toMatchObject({ errorCode: 'P412' });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const response = await fetch(`${sandbox.baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/user/balances/crypto-and-fiat', '/v1/user/kyc-files/{externalUserId}', '/admin/reset']),
    );
  });
});
