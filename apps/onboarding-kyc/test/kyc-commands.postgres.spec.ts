import type { OpenIntent } from '@platform/database';
import type { CommandReply, HostedKycView, KycStatusView, UserView } from '@platform/contracts';
import { P100TimeoutError } from '@platform/p100-client';
import { P100_BASE_URL, onboardingTestbed, p100Error, pngFile, type OnboardingTestbed } from './onboarding-testbed';

const data = <T>(reply: CommandReply<T>): T => {
  if (!reply.ok) throw new Error(`expected an answer, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const code = (reply: CommandReply<unknown>) => (reply.ok ? 'ok' : reply.error.code);
const session = (externalUserId: string) => ({ externalUserId, documentType: 'ID_CARD', country: 'PL', incomeSource: 'SALARY', occupation: 'IT', additionalInfo: 'Developer', openAccountReason: 'DAILY_USE' });

describe('KYC commands on real Postgres, with P100 stubbed at its port', () => {
  let bed: OnboardingTestbed;
  beforeAll(async () => {
    bed = await onboardingTestbed();
  });
  afterAll(() => bed.drop());
  beforeEach(() => jest.clearAllMocks());

  describe('method A: KYC files and the verification', () => {
    it('adds the files once however often the command is delivered, also after P100 reported them', async () => {
      const id = await bed.givenUser();
      const files = { externalUserId: id, files: [pngFile('id.png'), pngFile('selfie.png')] };
      expect(data(await bed.send<UserView>('addKycFiles', files)).status).toBe('KYC_FILES_ADDED');
      await bed.webhook('kyc-file-status', { externalUserId: id, status: 'ADDED' });
      expect(data(await bed.send<UserView>('addKycFiles', files))).toMatchObject({ status: 'KYC_FILES_ADDED', kycFileStatus: 'ADDED' });
      expect(bed.p100.kyc.addKycFiles).toHaveBeenCalledTimes(1);
      // Other files are another upload.
      data(await bed.send('addKycFiles', { externalUserId: id, files: [pngFile('id.png', 'a better scan')] }));
      expect(bed.p100.kyc.addKycFiles).toHaveBeenCalledTimes(2);
      expect(await bed.history(id)).toEqual(['kycFilesAdded: CREATED → KYC_FILES_ADDED', 'kycFileStatus: KYC_FILES_ADDED → KYC_FILES_ADDED', 'kycFilesAdded: KYC_FILES_ADDED → KYC_FILES_ADDED']);
    });

    it('submits the verification once, with its event, and answers a later repeat from the view', async () => {
      const id = await bed.givenUser({ status: 'KYC_FILES_ADDED' });
      expect(data(await bed.send<UserView>('submitVerification', { externalUserId: id })).status).toBe('VERIFICATION_SUBMITTED');
      expect(data(await bed.send<UserView>('submitVerification', { externalUserId: id })).status).toBe('VERIFICATION_SUBMITTED');
      expect(bed.p100.users.addVerification).toHaveBeenCalledTimes(1);
      expect((await bed.events(id)).map((e) => e.type)).toEqual(['onboarding.user.verification-submitted.v1']);
    });

    it('takes P100 answering "decision pending" (P212) after a lost answer as submitted', async () => {
      const id = await bed.givenUser({ status: 'KYC_FILES_ADDED' });
      bed.p100.users.addVerification.mockRejectedValueOnce(new P100TimeoutError(10));
      expect(code(await bed.send('submitVerification', { externalUserId: id }))).toBe('P100_UNAVAILABLE');
      bed.p100.users.addVerification.mockRejectedValueOnce(p100Error('P212', 202));
      expect(data(await bed.send<UserView>('submitVerification', { externalUserId: id })).status).toBe('VERIFICATION_SUBMITTED');
    });

    it('refuses KYC files to a user who passed KYC (KYC_ALREADY_VERIFIED) or was rejected (USER_NOT_ACTIVE)', async () => {
      const active = await bed.givenUser({ status: 'ACTIVE' });
      const rejected = await bed.givenUser({ status: 'REJECTED' });
      expect(code(await bed.send('addKycFiles', { externalUserId: active, files: [pngFile('id.png')] }))).toBe('KYC_ALREADY_VERIFIED');
      expect(code(await bed.send('addKycFiles', { externalUserId: rejected, files: [pngFile('id.png')] }))).toBe('USER_NOT_ACTIVE');
      expect(bed.p100.kyc.addKycFiles).not.toHaveBeenCalled();
    });
  });

  describe('method B: hosted KYC', () => {
    it("answers P100's page for the browser, stores the session and publishes it", async () => {
      const id = await bed.givenUser();
      bed.p100.kyc.createVerification.mockResolvedValueOnce({ verificationId: 'session-1' });
      const view = data(await bed.send<HostedKycView>('startHostedKyc', session(id)));
      expect(view).toEqual({
        verificationId: 'session-1',
        redirectUrl: `${P100_BASE_URL}/v1/kyc/verification/${id}/session-1`,
        user: expect.objectContaining({ status: 'KYC_SESSION_STARTED', kycVerificationId: 'session-1' }),
      });
      expect(bed.p100.kyc.createVerification).toHaveBeenCalledWith(session(id));
      expect((await bed.events(id)).map((e) => [e.type, e.payload.status])).toEqual([['onboarding.user.kyc-session-started.v1', 'KYC_SESSION_STARTED']]);
    });

    it('answers a redelivered start with the same session, without a second (billed) session at P100', async () => {
      const id = await bed.givenUser();
      const first = data(await bed.send<HostedKycView>('startHostedKyc', session(id)));
      expect(data(await bed.send<HostedKycView>('startHostedKyc', session(id)))).toEqual(first);
      expect(bed.p100.kyc.createVerification).toHaveBeenCalledTimes(1);
    });

    it('starts a new session after P100 rejected the first, and ignores a late report on the old one', async () => {
      const id = await bed.givenUser();
      bed.p100.kyc.createVerification.mockResolvedValueOnce({ verificationId: 'old-session' }).mockResolvedValueOnce({ verificationId: 'new-session' });
      data(await bed.send('startHostedKyc', session(id)));
      await bed.webhook('kyc-verification-status', { externalUserId: id, verificationId: 'old-session', status: 'REJECTED' });
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id })).status).toBe('KYC_SESSION_REJECTED');
      expect(data(await bed.send<HostedKycView>('startHostedKyc', session(id))).verificationId).toBe('new-session');
      // P100 reports the old session again (a retry under a new event id): not a KYC decision.
      await bed.webhook('kyc-verification-status', { externalUserId: id, verificationId: 'old-session', status: 'REJECTED' });
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id }))).toMatchObject({ status: 'KYC_SESSION_STARTED', kycVerificationId: 'new-session' });
      await bed.webhook('kyc-verification-status', { externalUserId: id, verificationId: 'new-session', status: 'APPROVED' });
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id })).status).toBe('KYC_SESSION_APPROVED');
      expect(await bed.history(id)).toEqual([
        'kycSessionStarted: CREATED → KYC_SESSION_STARTED',
        'kycSessionRejected: KYC_SESSION_STARTED → KYC_SESSION_REJECTED',
        'kycSessionStarted: KYC_SESSION_REJECTED → KYC_SESSION_STARTED',
        'kycSessionApproved: KYC_SESSION_STARTED → KYC_SESSION_APPROVED',
      ]);
    });

    it('settles a start whose answer was lost from Get KYC Status (the reconciler)', async () => {
      const id = await bed.givenUser();
      bed.p100.kyc.createVerification.mockRejectedValueOnce(new P100TimeoutError(10));
      expect(code(await bed.send('startHostedKyc', session(id)))).toBe('P100_UNAVAILABLE');
      // Not sent again blindly: P100 bills every session.
      expect(code(await bed.send('startHostedKyc', session(id)))).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      expect(bed.p100.kyc.createVerification).toHaveBeenCalledTimes(1);

      const [intent] = await bed.dataSource.query(`SELECT idempotency_key, subject FROM p100_intents WHERE operation = 'createKycVerification' AND subject->>'externalUserId' = $1`, [id]);
      bed.p100.kyc.getStatus.mockResolvedValueOnce({ externalUserId: id, verificationId: 'found-session', status: 'CREATED' });
      const open: OpenIntent = { idempotencyKey: intent.idempotency_key, operation: 'createKycVerification', status: 'unknown', subject: intent.subject, attempts: 1, updatedAt: new Date(), version: '0' };
      const resolution = await bed.resolvers.startHostedKyc.resolve(open);
      expect(resolution).toMatchObject({ outcome: 'done', response: { verificationId: 'found-session' } });
      await bed.dataSource.transaction((manager) => (resolution as { apply: (m: typeof manager) => Promise<void> }).apply(manager));
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id }))).toMatchObject({ status: 'KYC_SESSION_STARTED', kycVerificationId: 'found-session' });
    });

    it('finds nothing to settle when P100 has no new session (the start may be sent again)', async () => {
      const id = await bed.givenUser({ status: 'KYC_SESSION_REJECTED', kycVerificationId: 'earlier' });
      bed.p100.kyc.getStatus.mockResolvedValueOnce({ externalUserId: id, verificationId: 'earlier', status: 'REJECTED' });
      const open: OpenIntent = { idempotencyKey: 'k', operation: 'createKycVerification', status: 'unknown', subject: { externalUserId: id, previousVerificationId: 'earlier' }, attempts: 1, updatedAt: new Date(), version: '0' };
      expect(await bed.resolvers.startHostedKyc.resolve(open)).toEqual({ outcome: 'absent' });
      bed.p100.kyc.getStatus.mockRejectedValueOnce(p100Error('P445', 404));
      expect(await bed.resolvers.startHostedKyc.resolve(open)).toEqual({ outcome: 'absent' });
    });

    it("reads P100's KYC status leniently", async () => {
      const id = await bed.givenUser({ status: 'KYC_SESSION_STARTED', kycVerificationId: 's-1' });
      bed.p100.kyc.getStatus.mockResolvedValueOnce({ externalUserId: id, verificationId: 's-1', status: 'REJECTED', rejectionReasons: ['VERIFICATION_REJECTED', { code: 'BLURRY' }], decidedAt: null });
      expect(data(await bed.send<KycStatusView>('getKycStatus', { externalUserId: id }))).toEqual({ externalUserId: id, verificationId: 's-1', status: 'REJECTED', rejectionReasons: ['VERIFICATION_REJECTED', '{"code":"BLURRY"}'] });
      bed.p100.kyc.getStatus.mockResolvedValueOnce({});
      expect(data(await bed.send<KycStatusView>('getKycStatus', { externalUserId: id }))).toEqual({ externalUserId: id, verificationId: null, status: 'UNKNOWN', rejectionReasons: [] });
    });
  });

  describe('proof of address', () => {
    it('refuses an upload P100 has not asked for, before P100 is asked', async () => {
      const id = await bed.givenUser();
      expect(await bed.send('addPoaFiles', { externalUserId: id, files: [pngFile('bill.png')] })).toMatchObject({ ok: false, error: { code: 'POA_NOT_REQUIRED' } });
      expect(bed.p100.kyc.addPoaFiles).not.toHaveBeenCalled();
    });

    it('uploads once (WAITING, with its event), refuses a second upload under review, and takes another after QUESTIONED', async () => {
      const id = await bed.givenUser({ poaStatus: 'REQUIRED' });
      const upload = { externalUserId: id, files: [pngFile('bill.png')] };
      expect(data(await bed.send<UserView>('addPoaFiles', upload))).toMatchObject({ status: 'CREATED', poaStatus: 'WAITING', poaRequired: true });
      expect(data(await bed.send<UserView>('addPoaFiles', upload)).poaStatus).toBe('WAITING');
      expect(bed.p100.kyc.addPoaFiles).toHaveBeenCalledTimes(1);
      expect(code(await bed.send('addPoaFiles', { externalUserId: id, files: [pngFile('other.png')] }))).toBe('POA_PENDING');

      await bed.webhook('poa-verification-status', { externalUserId: id, status: 'WAITING' });
      await bed.webhook('poa-verification-status', { externalUserId: id, status: 'QUESTIONED' });
      // "Upload it again": the same scan is a new upload now.
      expect(data(await bed.send<UserView>('addPoaFiles', upload)).poaStatus).toBe('WAITING');
      expect(bed.p100.kyc.addPoaFiles).toHaveBeenCalledTimes(2);
      await bed.webhook('poa-verification-status', { externalUserId: id, status: 'APPROVED' });
      expect(code(await bed.send('addPoaFiles', upload))).toBe('POA_ALREADY_VERIFIED');
      expect((await bed.events(id)).map((e) => e.type)).toEqual([
        'onboarding.user.poa-submitted.v1',
        'onboarding.user.poa-questioned.v1',
        'onboarding.user.poa-submitted.v1',
        'onboarding.user.poa-approved.v1',
      ]);
    });

    it("passes on P100's refusals with their platform codes", async () => {
      const id = await bed.givenUser({ poaStatus: 'REQUIRED' });
      bed.p100.kyc.addPoaFiles.mockRejectedValueOnce(p100Error('P460', 404));
      expect(await bed.send('addPoaFiles', { externalUserId: id, files: [pngFile('bill.png')] })).toMatchObject({ ok: false, error: { code: 'POA_NOT_REQUIRED', details: { p100Code: 'P460' } } });
      expect(data(await bed.send<UserView>('getUser', { externalUserId: id })).poaStatus).toBe('REQUIRED');
    });
  });
});
