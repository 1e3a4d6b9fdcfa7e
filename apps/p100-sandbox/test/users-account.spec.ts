import { withSchema } from './support/test-database';
import { createUser, json } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';
import { createActiveUser } from './support/sandbox-admin';

describe('User account management and the legacy user operations', () => {
  const { sandbox, schema } = useTestSandbox();

  const patch = (path: string, body: unknown = {}) => sandbox.p100(path, { ...json(body), method: 'PATCH' });

  describe('Create User Account and Generate Balances Without KYC (legacy)', () => {
    const body = (overrides: Record<string, unknown> = {}) => ({
      externalUserId: `non-kyc-${Math.random().toString(36).slice(2)}`,
      email: `nk.${Math.random().toString(36).slice(2)}@example.com`,
      firstName: 'Anna',
      lastName: 'Nowak',
      address: 'ul. Prosta 1',
      city: 'Kraków',
      country: 'PL',
      documentType: 'PASSPORT',
      documentNumber: 'AB123456',
      birthDate: '1991-02-03',
      ...overrides,
    });

    it('creates a usable user with one flat list of zero balances, eur without networkConfig', async () => {
      const request = body();
      const response = await sandbox.p100('/v1/user/balances/crypto', json(request));
      expect(response.status).toBe(201);
      const created = await response.json();
      expect(created.userId).toEqual(expect.any(String));
      expect(created.balances.map((b: { name: string; amount: string }) => [b.name, b.amount])).toEqual([
        ['eur', '0.00'], ['btc', '0.00000000'], ['eth', '0.00000000'], ['ltc', '0.00000000'], ['pol', '0.00000000'], ['usdc', '0.000000'], ['usdt', '0.000000'],
      ]);
      expect(created.balances[0]).not.toHaveProperty('networkConfig');
      expect(created.balances[1].networkConfig).toHaveProperty('btc');
      const balances = await (await sandbox.p100(`/v1/user/balances/${request.externalUserId}`)).json();
      expect(balances.fiatBalances[0]).toMatchObject({ name: 'eur', iban: null });

      const card = await sandbox.p100('/v1/card/virtual', json({ externalUserId: request.externalUserId, label: 'abc', pin: '1234' }));
      expect(await card.json()).toMatchObject({ errorCode: 'P459' });
    });

    it('answers P411 for a reused externalUserId and P403 without the required fields', async () => {
      const request = body();
      await sandbox.p100('/v1/user/balances/crypto', json(request));
      const again = await sandbox.p100('/v1/user/balances/crypto', json({ ...request, email: 'other@example.com' }));
      expect(await again.json()).toMatchObject({ errorCode: 'P411', errorName: 'user-exists' });
      const invalid = await sandbox.p100('/v1/user/balances/crypto', json({ externalUserId: 'x' }));
      expect(await invalid.json()).toMatchObject({ errorCode: 'P403', errorMessage: expect.stringContaining('email should not be empty') });
    });
  });

  describe('Extend user', () => {
    it('extends a verified user, and refuses an unverified one with P459', async () => {
      const { externalUserId } = await createActiveUser(sandbox);
      const response = await sandbox.p100('/v1/user/extend', json({ externalUserId }));
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({});
      const unverified = await createUser(sandbox);
      expect(await (await sandbox.p100('/v1/user/extend', json({ externalUserId: unverified.externalUserId }))).json()).toMatchObject({ errorCode: 'P459' });
    });

    it('needs an approved proof of address where POA is required for the extended level (P460)', async () => {
      const { externalUserId } = await createActiveUser(sandbox, { country: 'UA' });
      const response = await sandbox.p100('/v1/user/extend', json({ externalUserId }));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ errorCode: 'P460' });
    });
  });

  describe('Update Existing User', () => {
    it('changes only the supplied contact fields', async () => {
      const { externalUserId, userId } = await createUser(sandbox);
      const response = await patch(`/v1/user/${externalUserId}`, { email: `new.${externalUserId.slice(0, 8)}@example.com`, city: 'Gdańsk' });
      expect(response.status).toBe(200);
      const row = await withSchema(schema, async (db) => (await db.query(`SELECT email, city, street FROM users WHERE id = $1`, [userId])).rows[0]);
      expect(row).toEqual({ email: `new.${externalUserId.slice(0, 8)}@example.com`, city: 'Gdańsk', street: 'ul. Marszałkowska' });
    });

    it('answers P465 for another user\'s email, P403 for the country, P412 for an unknown user', async () => {
      const first = await createUser(sandbox);
      const second = await createUser(sandbox);
      expect(await (await patch(`/v1/user/${second.externalUserId}`, { email: first.email.toUpperCase() })).json()).toMatchObject({ errorCode: 'P465' });
      expect(await (await patch(`/v1/user/${second.externalUserId}`, { phone: first.phone })).json()).toMatchObject({ errorCode: 'P464' });
      expect(await (await patch(`/v1/user/${second.externalUserId}`, { country: 'DE' })).json()).toMatchObject({ errorCode: 'P403' });
      expect(await (await patch('/v1/user/nobody', { city: 'X' })).json()).toMatchObject({ errorCode: 'P412' });
    });
  });

  describe('Delete, Suspend and Unsuspend User', () => {
    it('deletes a user for good: every later call answers P412', async () => {
      const { externalUserId } = await createActiveUser(sandbox);
      const response = await sandbox.p100(`/v1/user/${externalUserId}`, { method: 'DELETE' });
      expect(response.status).toBe(200);
      expect(await (await sandbox.p100(`/v1/user/${externalUserId}`, { method: 'DELETE' })).json()).toMatchObject({ errorCode: 'P412' });
      expect(await (await patch(`/v1/user/suspend/${externalUserId}`)).json()).toMatchObject({ errorCode: 'P412' });
      expect(await (await sandbox.p100(`/v1/card/all/${externalUserId}`)).json()).toMatchObject({ errorCode: 'P412' });
    });

    it('suspends and unsuspends a user; unknown users get P412', async () => {
      const { externalUserId, userId } = await createActiveUser(sandbox);
      const suspended = await patch(`/v1/user/suspend/${externalUserId}`);
      expect(suspended.status).toBe(200);
      expect(await suspended.json()).toEqual({});
      const suspendedAt = async () => withSchema(schema, async (db) => (await db.query(`SELECT suspended_at FROM users WHERE id = $1`, [userId])).rows[0].suspended_at);
      expect(await suspendedAt()).not.toBeNull();
      expect(await (await sandbox.p100(`/v1/card/all/${externalUserId}`)).json()).toMatchObject({ errorCode: 'P455' });

      expect((await patch(`/v1/user/unsuspend/${externalUserId}`)).status).toBe(200);
      expect(await suspendedAt()).toBeNull();
      expect(await (await sandbox.p100(`/v1/card/all/${externalUserId}`)).json()).toEqual({ cards: [] });

      expect(await (await patch('/v1/user/suspend/nobody')).json()).toMatchObject({ errorCode: 'P412' });
      expect(await (await patch('/v1/user/unsuspend/nobody')).json()).toMatchObject({ errorCode: 'P412' });
    });
  });
});
