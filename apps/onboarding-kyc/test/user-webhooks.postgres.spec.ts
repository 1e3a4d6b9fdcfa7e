import { randomUUID } from 'node:crypto';
import { derivedEventId } from '../src/users/user-events';
import { onboardingTestbed, type OnboardingTestbed } from './onboarding-testbed';

describe('P100 user & KYC webhooks through the inbox, on real Postgres', () => {
  let bed: OnboardingTestbed;
  beforeAll(async () => {
    bed = await onboardingTestbed();
  });
  afterAll(() => bed.drop());

  const user = async (id: string) => (await bed.dataSource.query('SELECT status, poa_status, activated_at FROM users WHERE external_user_id = $1', [id]))[0];
  const types = async (id: string) => (await bed.events(id)).map((e) => e.type);

  it('activates a user once for a redelivered webhook, with the event id derived from the inbox event id', async () => {
    const id = await bed.givenUser({ status: 'VERIFICATION_SUBMITTED' });
    const eventId = randomUUID();
    expect(await bed.webhook('user-status', { externalUserId: id, status: 'ACTIVE' }, eventId)).toBe('processed');
    expect(await bed.webhook('user-status', { externalUserId: id, status: 'ACTIVE' }, eventId)).toBe('duplicate');
    // P100's retry of the same occurrence under a new event id changes nothing either.
    expect(await bed.webhook('user-status', { externalUserId: id, status: 'ACTIVE' })).toBe('processed');
    const [activated, ...rest] = await bed.dataSource.query('SELECT event_id, event_type, payload FROM outbox WHERE message_key = $1', [id]);
    expect(rest).toEqual([]);
    expect(activated).toMatchObject({ event_id: derivedEventId(eventId, 'onboarding.user.activated.v1'), event_type: 'onboarding.user.activated.v1', payload: { externalUserId: id, activatedAt: expect.any(String) } });
    expect(await bed.history(id)).toEqual(['activated: VERIFICATION_SUBMITTED → ACTIVE']);
  });

  it("takes P100's decision as final: an ACTIVE user stays ACTIVE when a rejection arrives late, a rejected one stays REJECTED", async () => {
    const activeFirst = await bed.givenUser({ status: 'VERIFICATION_SUBMITTED' });
    await bed.webhook('user-status', { externalUserId: activeFirst, status: 'ACTIVE' });
    await bed.webhook('kyc-verification-status', { externalUserId: activeFirst, verificationId: randomUUID(), status: 'REJECTED' });
    expect((await user(activeFirst)).status).toBe('ACTIVE');

    const rejectedFirst = await bed.givenUser({ status: 'VERIFICATION_SUBMITTED' });
    await bed.webhook('kyc-verification-status', { externalUserId: rejectedFirst, verificationId: randomUUID(), status: 'REJECTED' });
    await bed.webhook('user-status', { externalUserId: rejectedFirst, status: 'ACTIVE' });
    expect(await user(rejectedFirst)).toMatchObject({ status: 'REJECTED', activated_at: null });
    expect(await types(rejectedFirst)).toEqual(['onboarding.user.kyc-rejected.v1']);
  });

  it('moves nothing on the decision APPROVED: the user-status ACTIVE that follows activates', async () => {
    const id = await bed.givenUser({ status: 'VERIFICATION_SUBMITTED' });
    await bed.webhook('kyc-verification-status', { externalUserId: id, verificationId: randomUUID(), status: 'APPROVED' });
    expect((await user(id)).status).toBe('VERIFICATION_SUBMITTED');
    expect(await types(id)).toEqual([]);
  });

  it('tells the hosted session apart from the decision by the stored verificationId', async () => {
    const id = await bed.givenUser({ status: 'KYC_SESSION_STARTED', kycVerificationId: 'session-9' });
    // Method A decisions carry no verificationId: a REJECTED without one is the decision.
    const decided = await bed.givenUser({ status: 'VERIFICATION_SUBMITTED' });
    await bed.webhook('kyc-verification-status', { externalUserId: id, verificationId: 'session-9', status: 'REJECTED' });
    await bed.webhook('kyc-verification-status', { externalUserId: decided, status: 'REJECTED' });
    expect((await user(id)).status).toBe('KYC_SESSION_REJECTED');
    expect((await user(decided)).status).toBe('REJECTED');
    expect(await types(id)).toEqual(['onboarding.user.kyc-session-rejected.v1']);
  });

  it('asks for a proof of address on high risk and takes the user through the review', async () => {
    const id = await bed.givenUser({ status: 'VERIFICATION_SUBMITTED' });
    await bed.webhook('high-risk-kyc-verification', { externalUserId: id, status: 'POA_REQUIRED' });
    await bed.webhook('high-risk-kyc-verification', { externalUserId: id, status: 'POA_REQUIRED' });
    expect(await user(id)).toMatchObject({ status: 'POA_REQUIRED', poa_status: 'REQUIRED' });
    for (const status of ['WAITING', 'REJECTED', 'WAITING', 'APPROVED', 'WAITING']) await bed.webhook('poa-verification-status', { externalUserId: id, status });
    await bed.webhook('user-status', { externalUserId: id, status: 'ACTIVE' });
    expect(await user(id)).toMatchObject({ status: 'ACTIVE', poa_status: 'APPROVED' });
    expect(await types(id)).toEqual([
      'onboarding.user.poa-required.v1',
      'onboarding.user.poa-submitted.v1',
      'onboarding.user.poa-rejected.v1',
      'onboarding.user.poa-submitted.v1',
      'onboarding.user.poa-approved.v1',
      'onboarding.user.activated.v1',
    ]);
    const [required] = await bed.events(id);
    expect(required!.payload).toEqual({ externalUserId: id, model: 'KYC', status: 'POA_REQUIRED', poaStatus: 'REQUIRED', suspended: false, at: expect.any(String) });
  });

  it('keeps an ACTIVE user ACTIVE on high risk, asking it for a proof of address', async () => {
    const id = await bed.givenUser({ status: 'ACTIVE' });
    await bed.webhook('high-risk-kyc-verification', { externalUserId: id, status: 'POA_REQUIRED' });
    expect(await user(id)).toMatchObject({ status: 'ACTIVE', poa_status: 'REQUIRED' });
  });

  it('ignores every webhook about a deleted user', async () => {
    const id = await bed.givenUser({ status: 'DELETED' });
    await bed.webhook('user-status', { externalUserId: id, status: 'ACTIVE' });
    await bed.webhook('kyc-file-status', { externalUserId: id, status: 'ADDED' });
    await bed.webhook('poa-verification-status', { externalUserId: id, status: 'APPROVED' });
    await bed.webhook('high-risk-kyc-verification', { externalUserId: id, status: 'POA_REQUIRED' });
    expect(await user(id)).toMatchObject({ status: 'DELETED', poa_status: 'NOT_REQUIRED' });
    expect(await types(id)).toEqual([]);
  });

  it('dead-letters a webhook about a user it does not know', async () => {
    expect(await bed.webhook('user-status', { externalUserId: 'nobody-here', status: 'ACTIVE' })).toBe('dead_lettered');
  });
});
