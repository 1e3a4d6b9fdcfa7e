import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type OnboardingEvents, type PoaStatus, type UserModel, type UserStatus } from '@platform/contracts';
import { enqueueUserEvents } from './user-events';
import { UserHistoryRepository, type TransitionDetail } from './user-history.repository';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** What the table reads and writes: the status, the proof-of-address sub-state, the suspension flag. */
export interface UserState {
  model: UserModel;
  status: UserStatus;
  poaStatus: PoaStatus;
  suspended: boolean;
}

interface Transition {
  by: 'command' | 'webhook';
  /** Commands: what the caller asked for, for refusal messages. */
  action?: string;
  /** status × trigger → status. A status not listed: the trigger does not apply there. */
  moves: Partial<Record<UserStatus, UserStatus>>;
  /** The POA move, only from `from`; `optional`: the trigger applies without it when poaStatus is elsewhere. */
  poa?: { from: readonly PoaStatus[]; to: PoaStatus; optional?: true };
  /** The suspension flag afterwards; applies only when it changes the flag. */
  suspended?: boolean;
  /** Commands: statuses in which the command already took effect (answered, P100 not called). */
  doneIn?: readonly UserStatus[];
  /** Commands of the KYC model only: refused to limited users. */
  kycOnly?: true;
  /** Commands still allowed while the user is suspended. */
  whileSuspended?: true;
  events: readonly (keyof typeof OnboardingEvents)[];
}

/** Statuses in which P100 has the user and may still decide its KYC. */
const KYC_STEPS = ['CREATED', 'KYC_FILES_ADDED', 'KYC_SESSION_STARTED', 'KYC_SESSION_APPROVED', 'KYC_SESSION_REJECTED', 'VERIFICATION_SUBMITTED', 'POA_REQUIRED'] as const;
/** The user exists at P100 and is not final. */
const LIVE = [...KYC_STEPS, 'ACTIVE'] as const;
const into = (to: UserStatus, from: readonly UserStatus[]) => Object.fromEntries(from.map((s) => [s, to]));
const stay = (statuses: readonly UserStatus[]) => Object.fromEntries(statuses.map((s) => [s, s]));
const RETRYABLE_POA = ['REQUIRED', 'QUESTIONED', 'REJECTED'] as const;

/**
 * The one transition table of a user (docs/onboarding.md draws it). Forward only: webhooks that
 * arrive late or twice find their status missing from `moves` (or nothing to change) and are
 * ignored; REJECTED and DELETED are final (only delete leaves REJECTED). The one way back is
 * KYC_SESSION_REJECTED → KYC_SESSION_STARTED: P100 lets the user open a new hosted session.
 */
export const USER_TRANSITIONS = {
  // Create User answered, or the reconciler found the user at P100.
  created: { by: 'command', moves: { CREATING: 'CREATED' }, events: ['userCreated'] },
  createdNeedingPoa: { by: 'command', moves: { CREATING: 'CREATED' }, poa: { from: ['NOT_REQUIRED'], to: 'REQUIRED' }, events: ['userCreated', 'poaRequired'] },
  // P100's non-KYC model: balances at once.
  limitedCreated: { by: 'command', moves: { CREATING: 'ACTIVE' }, events: ['userCreated', 'userActivated'] },
  kycFilesAdded: { by: 'command', action: 'add KYC files', moves: into('KYC_FILES_ADDED', ['CREATED', 'KYC_FILES_ADDED']), kycOnly: true, events: [] },
  kycSessionStarted: {
    by: 'command',
    action: 'start a hosted KYC session',
    moves: into('KYC_SESSION_STARTED', ['CREATED', 'KYC_SESSION_REJECTED']),
    doneIn: ['KYC_SESSION_STARTED'],
    kycOnly: true,
    events: ['kycSessionStarted'],
  },
  verificationSubmitted: {
    by: 'command',
    action: 'submit the verification',
    moves: into('VERIFICATION_SUBMITTED', ['CREATED', 'KYC_FILES_ADDED', 'KYC_SESSION_APPROVED']),
    doneIn: ['VERIFICATION_SUBMITTED', 'POA_REQUIRED', 'ACTIVE'],
    kycOnly: true,
    events: ['verificationSubmitted'],
  },
  poaSubmitted: { by: 'command', action: 'add proof-of-address files', moves: stay(LIVE), poa: { from: RETRYABLE_POA, to: 'WAITING' }, kycOnly: true, events: ['poaSubmitted'] },
  updated: { by: 'command', action: 'update the user', moves: stay(LIVE), events: ['userUpdated'] },
  suspended: { by: 'command', action: 'suspend the user', moves: stay(LIVE), suspended: true, events: ['userSuspended'] },
  unsuspended: { by: 'command', action: 'unsuspend the user', moves: stay(LIVE), suspended: false, whileSuspended: true, events: ['userUnsuspended'] },
  deleted: { by: 'command', action: 'delete the user', moves: into('DELETED', [...LIVE, 'REJECTED']), whileSuspended: true, events: ['userDeleted'] },

  // KYC File Added: remembers P100's ADDED / ERROR; the status stays.
  kycFileStatus: { by: 'webhook', moves: stay(LIVE), events: [] },
  // KYC Verification Status about the hosted session we stored.
  kycSessionApproved: { by: 'webhook', moves: { KYC_SESSION_STARTED: 'KYC_SESSION_APPROVED' }, events: ['kycSessionApproved'] },
  kycSessionRejected: { by: 'webhook', moves: { KYC_SESSION_STARTED: 'KYC_SESSION_REJECTED' }, events: ['kycSessionRejected'] },
  // KYC Verification Status REJECTED about the decision: final, even if our submit's answer was lost.
  kycRejected: { by: 'webhook', moves: into('REJECTED', KYC_STEPS), events: ['kycRejected'] },
  // High Risk KYC Verification: POA becomes mandatory; an ACTIVE user (AML re-screening) stays ACTIVE.
  highRisk: {
    by: 'webhook',
    moves: { ...into('POA_REQUIRED', KYC_STEPS.filter((s) => s !== 'POA_REQUIRED')), ACTIVE: 'ACTIVE' },
    poa: { from: ['NOT_REQUIRED'], to: 'REQUIRED', optional: true },
    events: ['poaRequired'],
  },
  // User Balance Generation ACTIVE: P100's decision is final even if our own replies were lost.
  activated: { by: 'webhook', moves: into('ACTIVE', ['CREATING', ...KYC_STEPS]), events: ['userActivated'] },
  // POA Verification Status. APPROVED is final; WAITING also covers an upload whose answer was lost.
  poaWaiting: { by: 'webhook', moves: stay(LIVE), poa: { from: RETRYABLE_POA, to: 'WAITING' }, events: ['poaSubmitted'] },
  poaQuestioned: { by: 'webhook', moves: stay(LIVE), poa: { from: ['REQUIRED', 'WAITING'], to: 'QUESTIONED' }, events: ['poaQuestioned'] },
  poaRejected: { by: 'webhook', moves: stay(LIVE), poa: { from: ['REQUIRED', 'WAITING'], to: 'REJECTED' }, events: ['poaRejected'] },
  poaApproved: { by: 'webhook', moves: stay(LIVE), poa: { from: ['REQUIRED', 'WAITING', 'QUESTIONED', 'REJECTED'], to: 'APPROVED' }, events: ['poaApproved'] },
} as const satisfies Record<string, Transition>;

export type UserTrigger = keyof typeof USER_TRANSITIONS;
/** Triggers a caller's command asks for, checked before P100 is called. */
export type CommandTrigger = Exclude<{ [K in UserTrigger]: (typeof USER_TRANSITIONS)[K]['by'] extends 'command' ? K : never }[UserTrigger], 'created' | 'createdNeedingPoa' | 'limitedCreated'>;

const rules: Record<UserTrigger, Transition> = USER_TRANSITIONS;

/** The state after `trigger`, or null when the table does not allow it here (ignored). */
export function decide(state: UserState, trigger: UserTrigger): UserState | null {
  const rule = rules[trigger];
  const status = rule.moves[state.status];
  if (status === undefined) return null;
  let poaStatus = state.poaStatus;
  if (rule.poa) {
    if (rule.poa.from.includes(state.poaStatus)) poaStatus = rule.poa.to;
    else if (!rule.poa.optional) return null;
  }
  if (rule.suspended !== undefined && rule.suspended === state.suspended) return null;
  return { model: state.model, status, poaStatus, suspended: rule.suspended ?? state.suspended };
}

/**
 * May this command run now? `done`: it already took effect (answer the view, do not call P100).
 * Otherwise a DomainError with a stable code, before P100 is asked. A `repeat` (the command that
 * made the user's latest change, again) is answered from its intent: only deletion stops it.
 */
export function checkCommand(user: UserState & { externalUserId: string }, trigger: CommandTrigger, repeat = false): 'proceed' | 'done' {
  const rule = rules[trigger];
  const who = `user ${user.externalUserId}`;
  const action = rule.action!;
  if (user.status === 'DELETED') throw new DomainError('USER_DELETED', `${who} was deleted (final): it cannot ${action}`);
  if (repeat) return 'proceed';
  if (rule.suspended !== undefined && rule.suspended === user.suspended) return 'done';
  if (user.suspended && !rule.whileSuspended) {
    throw new DomainError('USER_SUSPENDED', `${who} is suspended: unsuspend it before you ${action} (only unsuspend and delete are allowed while suspended)`);
  }
  if (rule.kycOnly && user.model === 'LIMITED') {
    throw new DomainError('USER_NOT_ACTIVE', `limited (non-KYC) users have no KYC steps: cannot ${action} for ${who} (P100 never moves them to the KYC model)`);
  }
  if (rule.doneIn?.includes(user.status)) return 'done';
  if (rule.moves[user.status] === undefined) throw statusRefusal(who, action, user.status, rule.kycOnly === true);
  if (rule.poa && !rule.poa.optional && !rule.poa.from.includes(user.poaStatus)) throw poaRefusal(who, user.poaStatus);
  return 'proceed';
}

function statusRefusal(who: string, action: string, status: UserStatus, kycStep: boolean): DomainError {
  if (status === 'CREATING') return new DomainError('USER_NOT_ACTIVE', `${who} is still being created at P100: cannot ${action} yet`);
  if (status === 'REJECTED') return new DomainError('USER_NOT_ACTIVE', `${who} was rejected by KYC (final): cannot ${action}`);
  if (status === 'ACTIVE' && kycStep) return new DomainError('KYC_ALREADY_VERIFIED', `${who} has passed KYC: cannot ${action}`);
  return new DomainError('USER_NOT_ACTIVE', `cannot ${action} while ${who} is ${status}`);
}

function poaRefusal(who: string, poaStatus: PoaStatus): DomainError {
  if (poaStatus === 'NOT_REQUIRED') return new DomainError('POA_NOT_REQUIRED', `P100 has not asked ${who} for a proof of address`);
  if (poaStatus === 'WAITING') return new DomainError('POA_PENDING', `the proof of address of ${who} is under review at P100: wait for its outcome`);
  return new DomainError('POA_ALREADY_VERIFIED', `the proof of address of ${who} is approved already`);
}

export const stateOf = (user: UserEntity): UserState => ({ model: user.model, status: user.status, poaStatus: user.poaStatus, suspended: user.suspendedAt !== null });

/** Who moved the user: a command's intent key (command, reconciler) or a webhook's inbox event id. */
export interface TransitionCause {
  source: 'command' | 'reconciler' | 'webhook';
  id: string;
}

/** What P100 told us along with the trigger. */
export interface TransitionFacts {
  p100UserId?: string | null;
  kycVerificationId?: string;
  kycFileStatus?: 'ADDED' | 'ERROR';
  changedFields?: string[];
  /** P100's own status word, kept in the history. */
  p100Status?: string;
}

/**
 * The one way a user's status, poaStatus or suspension changes: locks the row, applies the table
 * (a move it does not allow leaves the user as it is), writes the history row and enqueues the
 * `onboarding.user.*` events in the caller's transaction. One cause moves a user at most once.
 */
@Injectable()
export class UserLifecycle {
  private readonly logger = new Logger(UserLifecycle.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly history: UserHistoryRepository,
  ) {}

  async apply(manager: EntityManager, externalUserId: string, trigger: UserTrigger, cause: TransitionCause, facts: TransitionFacts = {}): Promise<{ user: UserEntity; moved: boolean }> {
    const user = await this.users.lock(externalUserId, manager);
    const rule = rules[trigger];
    // A settled command renews the next command's intent key even when a webhook got here first.
    if (cause.source !== 'webhook') {
      user.commandSeq += 1;
      await manager.query('UPDATE users SET command_seq = $2 WHERE external_user_id = $1', [externalUserId, user.commandSeq]);
    }
    const before = stateOf(user);
    const next = (await this.history.has(manager, externalUserId, cause.id, trigger)) ? null : decide(before, trigger);
    const fileChanged = facts.kycFileStatus !== undefined && facts.kycFileStatus !== user.kycFileStatus;
    // Not in the table, or a webhook that changes nothing: a repeat, or it arrived late.
    if (!next || (rule.by === 'webhook' && sameState(before, next) && !fileChanged)) {
      this.logger.debug({ externalUserId, trigger, source: cause.source, status: before.status, poaStatus: before.poaStatus }, 'left as it is (not a move the table allows here)');
      return { user, moved: false };
    }

    const now = new Date();
    user.status = next.status;
    user.poaStatus = next.poaStatus;
    if (next.suspended !== before.suspended) user.suspendedAt = next.suspended ? now : null;
    if (next.status === 'ACTIVE' && before.status !== 'ACTIVE') user.activatedAt = now;
    if (next.status === 'DELETED') user.deletedAt = now;
    if (facts.p100UserId) user.p100UserId = facts.p100UserId;
    if (facts.kycVerificationId) user.kycVerificationId = facts.kycVerificationId;
    if (facts.kycFileStatus) user.kycFileStatus = facts.kycFileStatus;
    user.updatedAt = now;
    await manager.save(UserEntity, user);
    await this.history.record(manager, { user, trigger, cause, before, detail: detailOf(facts), at: now });
    await enqueueUserEvents(manager, user, rule.events, { cause: cause.id, at: now, changedFields: facts.changedFields });
    return { user, moved: true };
  }

  /** P100 refused a command: the next attempt gets a fresh intent key (e.g. suspend once the cards are blocked). */
  async noteRefusal(externalUserId: string): Promise<void> {
    await this.dataSource.query('UPDATE users SET command_seq = command_seq + 1 WHERE external_user_id = $1', [externalUserId]);
  }

  /** P100 has no such user: the CREATING row goes, so that the caller's retry creates it afresh. */
  async forgetUncreated(manager: EntityManager, externalUserId: string): Promise<void> {
    await manager.query(`DELETE FROM users WHERE external_user_id = $1 AND status = 'CREATING'`, [externalUserId]);
  }
}

/** Reads answer a deleted user's view (get user) but nothing else about it. */
export function refuseIfDeleted(user: UserEntity, what: string): void {
  if (user.status === 'DELETED') throw new DomainError('USER_DELETED', `user ${user.externalUserId} was deleted (final): no ${what}`);
}

const sameState = (a: UserState, b: UserState) => a.status === b.status && a.poaStatus === b.poaStatus && a.suspended === b.suspended;

function detailOf(facts: TransitionFacts): TransitionDetail {
  const { kycVerificationId, kycFileStatus, changedFields, p100Status } = facts;
  return { ...(kycVerificationId && { verificationId: kycVerificationId }), ...(kycFileStatus && { kycFileStatus }), ...(changedFields && { changedFields }), ...(p100Status && { p100Status }) };
}
