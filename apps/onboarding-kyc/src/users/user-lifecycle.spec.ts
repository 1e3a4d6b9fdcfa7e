import { DomainError, POA_STATUSES, USER_STATUSES, type PoaStatus, type UserStatus } from '@platform/contracts';
import { USER_TRANSITIONS, checkCommand, decide, type CommandTrigger, type UserState, type UserTrigger } from './user-lifecycle';

// Written out independently of the implementation: the table must say exactly this.
const KYC_STEPS: UserStatus[] = ['CREATED', 'KYC_FILES_ADDED', 'KYC_SESSION_STARTED', 'KYC_SESSION_APPROVED', 'KYC_SESSION_REJECTED', 'VERIFICATION_SUBMITTED', 'POA_REQUIRED'];
const LIVE: UserStatus[] = [...KYC_STEPS, 'ACTIVE'];
const stay = (statuses: UserStatus[]) => statuses.map((s) => [s, s] as const);
const into = (to: UserStatus, from: UserStatus[]) => from.map((s) => [s, to] as const);

const STATUS_MOVES: Record<UserTrigger, ReadonlyArray<readonly [UserStatus, UserStatus]>> = {
  created: [['CREATING', 'CREATED']],
  createdNeedingPoa: [['CREATING', 'CREATED']],
  limitedCreated: [['CREATING', 'ACTIVE']],
  kycFilesAdded: into('KYC_FILES_ADDED', ['CREATED', 'KYC_FILES_ADDED']),
  kycSessionStarted: into('KYC_SESSION_STARTED', ['CREATED', 'KYC_SESSION_REJECTED']),
  verificationSubmitted: into('VERIFICATION_SUBMITTED', ['CREATED', 'KYC_FILES_ADDED', 'KYC_SESSION_APPROVED']),
  poaSubmitted: stay(LIVE),
  updated: stay(LIVE),
  suspended: stay(LIVE),
  unsuspended: stay(LIVE),
  deleted: into('DELETED', [...LIVE, 'REJECTED']),
  kycFileStatus: stay(LIVE),
  kycSessionApproved: [['KYC_SESSION_STARTED', 'KYC_SESSION_APPROVED']],
  kycSessionRejected: [['KYC_SESSION_STARTED', 'KYC_SESSION_REJECTED']],
  kycRejected: into('REJECTED', KYC_STEPS),
  highRisk: [...into('POA_REQUIRED', KYC_STEPS.filter((s) => s !== 'POA_REQUIRED')), ['ACTIVE', 'ACTIVE']],
  activated: into('ACTIVE', ['CREATING', ...KYC_STEPS]),
  poaWaiting: stay(LIVE),
  poaQuestioned: stay(LIVE),
  poaRejected: stay(LIVE),
  poaApproved: stay(LIVE),
};

const RETRYABLE: PoaStatus[] = ['REQUIRED', 'QUESTIONED', 'REJECTED'];
/** The POA sub-state: which poaStatus each trigger moves, and where to. */
const POA_MOVES: Partial<Record<UserTrigger, ReadonlyArray<readonly [PoaStatus, PoaStatus]>>> = {
  createdNeedingPoa: [['NOT_REQUIRED', 'REQUIRED']],
  highRisk: [['NOT_REQUIRED', 'REQUIRED']],
  poaSubmitted: RETRYABLE.map((p) => [p, 'WAITING'] as const),
  poaWaiting: RETRYABLE.map((p) => [p, 'WAITING'] as const),
  poaQuestioned: [['REQUIRED', 'QUESTIONED'], ['WAITING', 'QUESTIONED']],
  poaRejected: [['REQUIRED', 'REJECTED'], ['WAITING', 'REJECTED']],
  poaApproved: [['REQUIRED', 'APPROVED'], ['WAITING', 'APPROVED'], ['QUESTIONED', 'APPROVED'], ['REJECTED', 'APPROVED']],
};
/** Triggers whose POA move is optional: they apply with poaStatus anywhere, moving it only from NOT_REQUIRED. */
const OPTIONAL_POA: UserTrigger[] = ['highRisk'];

const TRIGGERS = Object.keys(USER_TRANSITIONS) as UserTrigger[];
const COMMANDS = TRIGGERS.filter((t) => USER_TRANSITIONS[t].by === 'command' && !['created', 'createdNeedingPoa', 'limitedCreated'].includes(t)) as CommandTrigger[];

const state = (overrides: Partial<UserState> = {}): UserState => ({ model: 'KYC', status: 'CREATED', poaStatus: 'NOT_REQUIRED', suspended: false, ...overrides });
/** A state the trigger's other conditions (POA, suspension) accept, so only the status decides. */
const acceptable = (trigger: UserTrigger, status: UserStatus): UserState =>
  state({ status, poaStatus: POA_MOVES[trigger]?.[0]?.[0] ?? 'NOT_REQUIRED', suspended: trigger === 'unsuspended' });
/** Applies triggers in order the way the lifecycle does: a move the table refuses leaves the user as it is. */
const replay = (start: UserState, ...triggers: UserTrigger[]) => triggers.reduce((s, t) => decide(s, t) ?? s, start);
const refusal = (fn: () => unknown): { code: string; message: string } | 'no refusal' => {
  try {
    fn();
    return 'no refusal';
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, message: (error as DomainError).message };
  }
};

describe('the user transition table', () => {
  describe.each(TRIGGERS)('%s', (trigger) => {
    it.each([...USER_STATUSES])('from %s moves the status exactly as the table says, and nowhere else', (from) => {
      const expected = STATUS_MOVES[trigger].find(([f]) => f === from)?.[1] ?? null;
      expect(decide(acceptable(trigger, from), trigger)?.status ?? null).toBe(expected);
    });
  });

  describe.each(TRIGGERS.filter((t) => POA_MOVES[t]))('%s on the proof-of-address sub-state', (trigger) => {
    it.each([...POA_STATUSES])('from poaStatus %s', (from) => {
      const status = STATUS_MOVES[trigger][0]![0];
      const moved = POA_MOVES[trigger]!.find(([f]) => f === from)?.[1];
      const expected = moved ?? (OPTIONAL_POA.includes(trigger) ? from : null);
      expect(decide(state({ status, poaStatus: from }), trigger)?.poaStatus ?? null).toBe(expected);
    });
  });

  it('leaves poaStatus alone for every trigger without a POA move', () => {
    for (const trigger of TRIGGERS.filter((t) => !POA_MOVES[t])) {
      for (const poaStatus of POA_STATUSES) {
        const [from] = STATUS_MOVES[trigger][0]!;
        const next = decide(state({ status: from, poaStatus, suspended: trigger === 'unsuspended' }), trigger);
        expect({ trigger, poaStatus: next?.poaStatus }).toEqual({ trigger, poaStatus });
      }
    }
  });

  it('moves nothing out of DELETED, and only deletion out of REJECTED', () => {
    for (const trigger of TRIGGERS) {
      expect({ trigger, next: decide(acceptable(trigger, 'DELETED'), trigger) }).toEqual({ trigger, next: null });
      const fromRejected = decide(acceptable(trigger, 'REJECTED'), trigger);
      expect({ trigger, to: fromRejected?.status ?? null }).toEqual({ trigger, to: trigger === 'deleted' ? 'DELETED' : null });
    }
  });

  it('only moves forward, but for a new hosted session after a rejected one', () => {
    const rank: Record<UserStatus, number> = {
      CREATING: 0, CREATED: 1, KYC_FILES_ADDED: 2, KYC_SESSION_STARTED: 2, KYC_SESSION_APPROVED: 3, KYC_SESSION_REJECTED: 3,
      VERIFICATION_SUBMITTED: 4, POA_REQUIRED: 5, ACTIVE: 6, REJECTED: 7, DELETED: 8,
    };
    const backwards = TRIGGERS.flatMap((t) => STATUS_MOVES[t].filter(([from, to]) => rank[to] < rank[from]).map(([from, to]) => `${t}: ${from} → ${to}`));
    expect(backwards).toEqual(['kycSessionStarted: KYC_SESSION_REJECTED → KYC_SESSION_STARTED']);
  });

  it('sets and clears the suspension flag only when it changes it', () => {
    expect(decide(state({ status: 'ACTIVE' }), 'suspended')).toMatchObject({ status: 'ACTIVE', suspended: true });
    expect(decide(state({ status: 'ACTIVE', suspended: true }), 'suspended')).toBeNull();
    expect(decide(state({ status: 'ACTIVE', suspended: true }), 'unsuspended')).toMatchObject({ suspended: false });
    expect(decide(state({ status: 'ACTIVE' }), 'unsuspended')).toBeNull();
    // Webhooks move a suspended user, which stays suspended.
    expect(decide(state({ status: 'VERIFICATION_SUBMITTED', suspended: true }), 'activated')).toMatchObject({ status: 'ACTIVE', suspended: true });
  });
});

describe('webhooks out of order or redelivered', () => {
  it('keeps an ACTIVE user ACTIVE when a rejection arrives after the activation', () => {
    expect(replay(state({ status: 'VERIFICATION_SUBMITTED' }), 'activated', 'kycRejected').status).toBe('ACTIVE');
  });

  it('activates a user whose verification answer was lost (P100 decided anyway)', () => {
    expect(replay(state({ status: 'KYC_FILES_ADDED' }), 'activated', 'verificationSubmitted').status).toBe('ACTIVE');
  });

  it('keeps a rejected user rejected whatever arrives later', () => {
    expect(replay(state({ status: 'VERIFICATION_SUBMITTED' }), 'kycRejected', 'activated', 'highRisk', 'poaApproved')).toEqual(state({ status: 'REJECTED' }));
  });

  it('ignores a redelivered session approval once the verification was submitted', () => {
    expect(replay(state({ status: 'KYC_SESSION_STARTED' }), 'kycSessionApproved', 'verificationSubmitted', 'kycSessionApproved', 'kycSessionRejected').status).toBe('VERIFICATION_SUBMITTED');
  });

  it('keeps an approved proof of address approved when its WAITING arrives late', () => {
    expect(replay(state({ status: 'POA_REQUIRED', poaStatus: 'REQUIRED' }), 'poaApproved', 'poaWaiting', 'poaRejected').poaStatus).toBe('APPROVED');
  });

  it('asks an ACTIVE user for a proof of address on high risk without moving it back', () => {
    expect(replay(state({ status: 'ACTIVE' }), 'highRisk')).toMatchObject({ status: 'ACTIVE', poaStatus: 'REQUIRED' });
  });

  it('takes a high-risk user through POA to ACTIVE', () => {
    const end = replay(state({ status: 'VERIFICATION_SUBMITTED' }), 'highRisk', 'poaSubmitted', 'poaWaiting', 'poaQuestioned', 'poaSubmitted', 'poaApproved', 'activated');
    expect(end).toMatchObject({ status: 'ACTIVE', poaStatus: 'APPROVED' });
  });
});

describe('commands the table refuses before P100 is asked', () => {
  const check = (trigger: CommandTrigger, overrides: Partial<UserState> = {}, repeat = false) =>
    refusal(() => checkCommand({ externalUserId: 'u-1', ...state(overrides) }, trigger, repeat));
  const outcome = (trigger: CommandTrigger, overrides: Partial<UserState> = {}) => checkCommand({ externalUserId: 'u-1', ...state(overrides) }, trigger);

  it.each(COMMANDS)('answers USER_DELETED to %s on a deleted user, even as a repeat', (trigger) => {
    expect(check(trigger, { status: 'DELETED' })).toMatchObject({ code: 'USER_DELETED' });
    expect(check(trigger, { status: 'DELETED' }, true)).toMatchObject({ code: 'USER_DELETED' });
  });

  it.each(COMMANDS.filter((t) => !['unsuspended', 'deleted', 'suspended'].includes(t)))('refuses %s while the user is suspended, saying so', (trigger) => {
    const refused = check(trigger, { status: 'ACTIVE', poaStatus: 'REQUIRED', suspended: true });
    expect(refused).toMatchObject({ code: 'USER_SUSPENDED' });
    expect((refused as { message: string }).message).toMatch(/is suspended: unsuspend it before/);
  });

  it('lets a suspended user be unsuspended or deleted, and answers a second suspension at once', () => {
    expect(outcome('unsuspended', { status: 'ACTIVE', suspended: true })).toBe('proceed');
    expect(outcome('deleted', { status: 'ACTIVE', suspended: true })).toBe('proceed');
    expect(outcome('suspended', { status: 'ACTIVE', suspended: true })).toBe('done');
    expect(outcome('unsuspended', { status: 'ACTIVE' })).toBe('done');
  });

  it.each(['kycFilesAdded', 'kycSessionStarted', 'verificationSubmitted', 'poaSubmitted'] as const)('refuses %s to a limited (non-KYC) user', (trigger) => {
    const refused = check(trigger, { model: 'LIMITED', status: 'ACTIVE', poaStatus: 'REQUIRED' });
    expect(refused).toMatchObject({ code: 'USER_NOT_ACTIVE' });
    expect((refused as { message: string }).message).toMatch(/^limited \(non-KYC\) users/);
  });

  it('lets a limited user be updated, suspended and deleted', () => {
    for (const trigger of ['updated', 'suspended', 'deleted'] as const) expect(outcome(trigger, { model: 'LIMITED', status: 'ACTIVE' })).toBe('proceed');
  });

  it.each(COMMANDS.filter((t) => t !== 'unsuspended'))('refuses %s while the user is still being created', (trigger) => {
    expect(check(trigger, { status: 'CREATING', poaStatus: 'REQUIRED' })).toMatchObject({ code: 'USER_NOT_ACTIVE', message: expect.stringMatching(/still being created/) });
  });

  it.each(COMMANDS.filter((t) => !['deleted', 'unsuspended'].includes(t)))('refuses %s to a rejected user (final)', (trigger) => {
    expect(check(trigger, { status: 'REJECTED', poaStatus: 'REQUIRED' })).toMatchObject({ code: 'USER_NOT_ACTIVE', message: expect.stringMatching(/rejected by KYC \(final\)/) });
  });

  it('refuses KYC steps an ACTIVE user is past, and answers a repeated submission at once', () => {
    expect(check('kycFilesAdded', { status: 'ACTIVE' })).toMatchObject({ code: 'KYC_ALREADY_VERIFIED' });
    expect(check('kycSessionStarted', { status: 'ACTIVE' })).toMatchObject({ code: 'KYC_ALREADY_VERIFIED' });
    expect(outcome('verificationSubmitted', { status: 'ACTIVE' })).toBe('done');
    expect(outcome('verificationSubmitted', { status: 'POA_REQUIRED' })).toBe('done');
  });

  it('answers a second hosted session start with the started one, and refuses one after the submission', () => {
    expect(outcome('kycSessionStarted', { status: 'KYC_SESSION_STARTED' })).toBe('done');
    expect(outcome('kycSessionStarted', { status: 'KYC_SESSION_REJECTED' })).toBe('proceed');
    expect(check('kycSessionStarted', { status: 'VERIFICATION_SUBMITTED' })).toMatchObject({ code: 'USER_NOT_ACTIVE', message: expect.stringMatching(/VERIFICATION_SUBMITTED/) });
  });

  it.each([
    ['NOT_REQUIRED', 'POA_NOT_REQUIRED'],
    ['WAITING', 'POA_PENDING'],
    ['APPROVED', 'POA_ALREADY_VERIFIED'],
    ['REQUIRED', 'no refusal'],
    ['QUESTIONED', 'no refusal'],
    ['REJECTED', 'no refusal'],
  ] as const)('answers a proof-of-address upload with poaStatus %s: %s', (poaStatus, code) => {
    const refused = check('poaSubmitted', { status: 'CREATED', poaStatus });
    expect(refused === 'no refusal' ? refused : refused.code).toBe(code);
  });

  it('lets a repeat of the latest command through, to be answered from its intent', () => {
    expect(check('poaSubmitted', { poaStatus: 'WAITING' })).toMatchObject({ code: 'POA_PENDING' });
    expect(checkCommand({ externalUserId: 'u-1', ...state({ poaStatus: 'WAITING' }) }, 'poaSubmitted', true)).toBe('proceed');
  });
});
