import type { CommandReply, UserView } from '@platform/contracts';
import { onboardingTestbed, p100Error, type OnboardingTestbed } from './onboarding-testbed';

const data = <T>(reply: CommandReply<T>): T => {
  if (!reply.ok) throw new Error(`expected an answer, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const code = (reply: CommandReply<unknown>) => (reply.ok ? 'ok' : reply.error.code);

const newUser = (externalUserId: string, overrides: Record<string, unknown> = {}) => ({
  externalUserId,
  email: `${externalUserId}@example.com`,
  phone: '48601234567',
  firstName: 'Jan',
  lastName: 'Kowalski',
  street: 'Prosta',
  number: '1',
  city: 'Warszawa',
  postCode: '00-001',
  country: 'PL',
  citizenship: 'PL',
  nationality: 'PL',
  birthCountry: 'PL',
  birthDate: '1990-01-01',
  hasAcceptedP100Tc: true,
  ...overrides,
});

describe('user commands on real Postgres, with P100 stubbed at its port', () => {
  let bed: OnboardingTestbed;
  beforeAll(async () => {
    bed = await onboardingTestbed();
  });
  afterAll(() => bed.drop());
  beforeEach(() => jest.clearAllMocks());

  describe('create user', () => {
    it('asks for a proof of address when P100 answers poaRequiredForExtended, with its event', async () => {
      bed.p100.users.create.mockResolvedValueOnce({ userId: 'p100-poa', poaRequiredForExtended: true });
      const view = data(await bed.send<UserView>('createUser', newUser('poa-user', { country: 'UA' })));
      expect(view).toMatchObject({ model: 'KYC', status: 'CREATED', p100UserId: 'p100-poa', poaRequired: true, poaStatus: 'REQUIRED', suspended: false, kycVerificationId: null });
      expect((await bed.events('poa-user')).map((e) => e.type)).toEqual(['onboarding.user.created.v1', 'onboarding.user.poa-required.v1']);
      expect(await bed.history('poa-user')).toEqual(['createdNeedingPoa: CREATING → CREATED (POA NOT_REQUIRED → REQUIRED)']);
    });

    it('keeps the created event as it was, and calls P100 once for a redelivered command', async () => {
      const input = newUser('plain-user');
      const first = data(await bed.send<UserView>('createUser', input));
      expect(data(await bed.send<UserView>('createUser', input))).toEqual(first);
      expect(bed.p100.users.create).toHaveBeenCalledTimes(1);
      expect(first).toMatchObject({ poaRequired: false, poaStatus: 'NOT_REQUIRED' });
      const [created, ...rest] = await bed.events('plain-user');
      expect(rest).toEqual([]);
      expect(created).toEqual({ type: 'onboarding.user.created.v1', payload: { externalUserId: 'plain-user', p100UserId: first.p100UserId, createdAt: first.createdAt } });
    });

    it('answers USER_DELETED for the id of a deleted user', async () => {
      const id = await bed.givenUser({ status: 'DELETED' });
      expect(code(await bed.send('createUser', newUser(id)))).toBe('USER_DELETED');
      expect(bed.p100.users.create).not.toHaveBeenCalled();
    });
  });

  describe('create limited user', () => {
    const limited = (externalUserId: string) => ({ externalUserId, email: `${externalUserId}@example.com`, firstName: 'Ola', lastName: 'Nowak', country: 'PL' });

    it('makes a LIMITED user ACTIVE at once, with the created and activated events, calling P100 once', async () => {
      bed.p100.users.createNonKyc.mockResolvedValueOnce({ userId: 'p100-limited', balances: [] });
      const view = data(await bed.send<UserView>('createLimitedUser', limited('limited-1')));
      expect(view).toMatchObject({ model: 'LIMITED', status: 'ACTIVE', p100UserId: 'p100-limited', activatedAt: expect.any(String) });
      expect(data(await bed.send<UserView>('createLimitedUser', limited('limited-1')))).toEqual(view);
      expect(bed.p100.users.createNonKyc).toHaveBeenCalledTimes(1);
      expect(bed.p100.users.createNonKyc).toHaveBeenCalledWith(limited('limited-1'));
      const events = await bed.events('limited-1');
      expect(events).toEqual([
        { type: 'onboarding.user.created.v1', payload: { externalUserId: 'limited-1', p100UserId: 'p100-limited', createdAt: view.createdAt } },
        { type: 'onboarding.user.activated.v1', payload: { externalUserId: 'limited-1', p100UserId: 'p100-limited', activatedAt: view.activatedAt } },
      ]);
    });

    it('refuses a limited user every KYC step, saying why, without calling P100', async () => {
      const id = await bed.givenUser({ model: 'LIMITED', status: 'ACTIVE' });
      const file = { filename: 'id.png', contentType: 'image/png', dataBase64: 'UE5H' };
      const replies = [
        await bed.send('addKycFiles', { externalUserId: id, files: [file] }),
        await bed.send('addPoaFiles', { externalUserId: id, files: [file] }),
        await bed.send('submitVerification', { externalUserId: id }),
        await bed.send('startHostedKyc', { externalUserId: id, documentType: 'PASSPORT', country: 'PL', incomeSource: 'INVESTMENTS', additionalInfo: 'ETF', openAccountReason: 'DAILY_USE' }),
        await bed.send('getKycStatus', { externalUserId: id }),
      ];
      for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'USER_NOT_ACTIVE', message: expect.stringMatching(/^limited \(non-KYC\) users/) } });
      expect([bed.p100.kyc.addKycFiles, bed.p100.kyc.addPoaFiles, bed.p100.users.addVerification, bed.p100.kyc.createVerification, bed.p100.kyc.getStatus].map((f) => f.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
    });
  });

  describe('update user', () => {
    it('sends P100 only the changes and publishes the names of the fields, never their values', async () => {
      const id = await bed.givenUser({ status: 'ACTIVE' });
      const view = data(await bed.send<UserView>('updateUser', { externalUserId: id, postCode: '80-001', city: 'Gdańsk' }));
      expect(view.status).toBe('ACTIVE');
      expect(bed.p100.users.update).toHaveBeenCalledWith(id, { city: 'Gdańsk', postCode: '80-001' });
      const [event] = await bed.events(id);
      expect(event).toEqual({ type: 'onboarding.user.updated.v1', payload: expect.objectContaining({ externalUserId: id, status: 'ACTIVE', changedFields: ['city', 'postCode'] }) });
      expect(JSON.stringify(event)).not.toMatch(/Gdańsk|80-001/);
      const stored = await bed.dataSource.query(`SELECT (SELECT count(*)::int FROM user_status_changes WHERE detail::text ~ 'Gda') + (SELECT count(*)::int FROM p100_intents WHERE response::text ~ 'Gda' OR idempotency_key ~ 'Gda') AS n`);
      expect(stored[0].n).toBe(0);
    });

    it('does not call P100 twice for a redelivered update, and sends the next, different one', async () => {
      const id = await bed.givenUser({ status: 'ACTIVE' });
      await bed.send('updateUser', { externalUserId: id, city: 'Gdańsk' });
      await bed.send('updateUser', { externalUserId: id, city: 'Gdańsk' });
      expect(bed.p100.users.update).toHaveBeenCalledTimes(1);
      await bed.send('updateUser', { externalUserId: id, city: 'Sopot' });
      await bed.send('updateUser', { externalUserId: id, city: 'Gdańsk' });
      expect(bed.p100.users.update).toHaveBeenCalledTimes(3);
      expect((await bed.events(id)).map((e) => e.payload.changedFields)).toEqual([['city'], ['city'], ['city']]);
    });
  });

  describe('suspension', () => {
    it('suspends and unsuspends the user at P100, once each however often the command is delivered', async () => {
      const id = await bed.givenUser({ status: 'ACTIVE' });
      expect(data(await bed.send<UserView>('suspendUser', { externalUserId: id }))).toMatchObject({ status: 'ACTIVE', suspended: true });
      expect(data(await bed.send<UserView>('suspendUser', { externalUserId: id }))).toMatchObject({ suspended: true });
      expect(data(await bed.send<UserView>('unsuspendUser', { externalUserId: id }))).toMatchObject({ suspended: false });
      expect(data(await bed.send<UserView>('unsuspendUser', { externalUserId: id }))).toMatchObject({ suspended: false });
      expect([bed.p100.users.suspend.mock.calls.length, bed.p100.users.unsuspend.mock.calls.length]).toEqual([1, 1]);
      // A second suspension later is a new one: P100 is asked again.
      data(await bed.send('suspendUser', { externalUserId: id }));
      expect(bed.p100.users.suspend).toHaveBeenCalledTimes(2);
      expect((await bed.events(id)).map((e) => [e.type, e.payload.suspended])).toEqual([
        ['onboarding.user.suspended.v1', true],
        ['onboarding.user.unsuspended.v1', false],
        ['onboarding.user.suspended.v1', true],
      ]);
    });

    it('passes on P100 refusing a user with active cards (USER_HAS_ACTIVE_CARDS), and tries again once asked again', async () => {
      const id = await bed.givenUser({ status: 'ACTIVE' });
      bed.p100.users.suspend.mockRejectedValueOnce(p100Error('P454'));
      expect(await bed.send('suspendUser', { externalUserId: id })).toMatchObject({ ok: false, error: { code: 'USER_HAS_ACTIVE_CARDS', details: { p100Code: 'P454' } } });
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id })).suspended).toBe(false);
      // The cards were blocked meanwhile: the same command now reaches P100 again.
      expect(data(await bed.send<UserView>('suspendUser', { externalUserId: id })).suspended).toBe(true);
      expect(bed.p100.users.suspend).toHaveBeenCalledTimes(2);
    });

    it('refuses every state-changing command but unsuspend and delete while suspended, before P100 is asked', async () => {
      const id = await bed.givenUser({ status: 'CREATED', poaStatus: 'REQUIRED', suspended: true });
      const file = { filename: 'id.png', contentType: 'image/png', dataBase64: 'UE5H' };
      const replies = [
        await bed.send('updateUser', { externalUserId: id, city: 'Kraków' }),
        await bed.send('addKycFiles', { externalUserId: id, files: [file] }),
        await bed.send('addPoaFiles', { externalUserId: id, files: [file] }),
        await bed.send('submitVerification', { externalUserId: id }),
        await bed.send('startHostedKyc', { externalUserId: id, documentType: 'PASSPORT', country: 'PL', incomeSource: 'INVESTMENTS', additionalInfo: 'ETF', openAccountReason: 'DAILY_USE' }),
      ];
      for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'USER_SUSPENDED', message: expect.stringMatching(/is suspended: unsuspend it before/) } });
      expect(bed.p100.users.update).not.toHaveBeenCalled();
      // Reads still answer.
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id })).suspended).toBe(true);
      expect(code(await bed.send('unsuspendUser', { externalUserId: id }))).toBe('ok');
      expect(code(await bed.send('updateUser', { externalUserId: id, city: 'Kraków' }))).toBe('ok');
    });
  });

  describe('delete user', () => {
    it('deletes the user for good: every later command answers USER_DELETED, get user still answers the view', async () => {
      const id = await bed.givenUser({ status: 'ACTIVE', suspended: true });
      expect(data(await bed.send<UserView>('deleteUser', { externalUserId: id }))).toMatchObject({ status: 'DELETED' });
      expect((await bed.events(id)).map((e) => [e.type, e.payload.status])).toEqual([['onboarding.user.deleted.v1', 'DELETED']]);
      const file = { filename: 'id.png', contentType: 'image/png', dataBase64: 'UE5H' };
      const later = [
        await bed.send('deleteUser', { externalUserId: id }),
        await bed.send('suspendUser', { externalUserId: id }),
        await bed.send('unsuspendUser', { externalUserId: id }),
        await bed.send('updateUser', { externalUserId: id, city: 'Kraków' }),
        await bed.send('addKycFiles', { externalUserId: id, files: [file] }),
        await bed.send('addPoaFiles', { externalUserId: id, files: [file] }),
        await bed.send('submitVerification', { externalUserId: id }),
        await bed.send('startHostedKyc', { externalUserId: id, documentType: 'PASSPORT', country: 'PL', incomeSource: 'INVESTMENTS', additionalInfo: 'ETF', openAccountReason: 'DAILY_USE' }),
        await bed.send('getBalances', { externalUserId: id }),
        await bed.send('getKycStatus', { externalUserId: id }),
      ];
      expect(later.map(code)).toEqual(Array(later.length).fill('USER_DELETED'));
      expect(bed.p100.users.delete).toHaveBeenCalledTimes(1);
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id }))).toMatchObject({ externalUserId: id, status: 'DELETED' });
    });

    it('takes P100 no longer knowing the user (P412) as deleted', async () => {
      const id = await bed.givenUser({ status: 'REJECTED' });
      bed.p100.users.delete.mockRejectedValueOnce(p100Error('P412'));
      expect(data(await bed.send<UserView>('deleteUser', { externalUserId: id })).status).toBe('DELETED');
    });

    it('refuses to delete a user P100 is still creating', async () => {
      const id = await bed.givenUser({ status: 'CREATING' });
      expect(await bed.send('deleteUser', { externalUserId: id })).toMatchObject({ ok: false, error: { code: 'USER_NOT_ACTIVE', message: expect.stringMatching(/still being created/) } });
      expect(bed.p100.users.delete).not.toHaveBeenCalled();
    });
  });

  it('records every change in the history with what caused it', async () => {
    const id = await bed.givenUser({ status: 'ACTIVE' });
    await bed.send('suspendUser', { externalUserId: id });
    await bed.send('unsuspendUser', { externalUserId: id });
    await bed.send('deleteUser', { externalUserId: id });
    const rows = await bed.dataSource.query('SELECT trigger, source, cause, suspended FROM user_status_changes WHERE external_user_id = $1 ORDER BY id', [id]);
    expect(rows).toEqual([
      { trigger: 'suspended', source: 'command', cause: expect.stringMatching(new RegExp(`^suspendUser:${id}:0:`)), suspended: true },
      { trigger: 'unsuspended', source: 'command', cause: expect.stringMatching(new RegExp(`^unsuspendUser:${id}:1:`)), suspended: false },
      { trigger: 'deleted', source: 'command', cause: expect.stringMatching(new RegExp(`^deleteUser:${id}:2:`)), suspended: false },
    ]);
  });
});
