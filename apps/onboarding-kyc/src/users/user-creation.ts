import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type UserModel } from '@platform/contracts';
import { IntentLog } from '@platform/database';
import { P100Client, classifyP100Failure, type OperationName } from '@platform/p100-client';
import type { UserEntity } from './user.entity';
import { UserLifecycle, type UserTrigger } from './user-lifecycle';
import { UsersRepository } from './users.repository';

export interface NewUser<T> {
  externalUserId: string;
  country: string;
  model: UserModel;
  operation: OperationName;
  intentKey: string;
  request: unknown;
  call: () => Promise<T>;
  /** Which creation the answer means (created, createdNeedingPoa, limitedCreated) and P100's id. */
  settle: (answer: T) => { trigger: UserTrigger; p100UserId: string | null };
}

/**
 * Create User and Create Limited User: the CREATING row and the intent are recorded before P100
 * is called; P100's answer moves the user on through the lifecycle (created event, and POA or
 * activation). A repeat of the same request replays the stored outcome without calling P100.
 */
@Injectable()
export class UserCreation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
    private readonly lifecycle: UserLifecycle,
  ) {}

  async create<T>(user: NewUser<T>): Promise<UserEntity> {
    const existing = await this.users.find(user.externalUserId);
    if (existing?.status === 'DELETED') throw new DomainError('USER_DELETED', `user ${user.externalUserId} was deleted (final): its id cannot be used again`);
    if (existing && (existing.model !== user.model || (existing.status !== 'CREATING' && !(await this.intents.exists(user.intentKey))))) {
      throw new DomainError('USER_ALREADY_EXISTS', `user ${user.externalUserId} already exists`);
    }
    // While P100's user endpoints are failing, refuse before writing anything: the call would be
    // refused anyway, and a fast answer is what the caller needs then.
    this.p100.failFastIfOpen(user.operation);
    await this.dataSource.query(
      `INSERT INTO users (external_user_id, status, country, model) VALUES ($1, 'CREATING', $2, $3) ON CONFLICT (external_user_id) DO NOTHING`,
      [user.externalUserId, user.country, user.model],
    );
    let answer: T;
    try {
      answer = await this.intents.execute(
        user.intentKey,
        // P100 dedupes users on externalUserId (P411), so an attempt whose answer was lost may be repeated.
        {
          operation: user.operation,
          request: user.request,
          classify: classifyP100Failure,
          reattemptUnknown: true,
          // What the reconciler needs to ask P100 about this user when the outcome is unknown.
          subject: { externalUserId: user.externalUserId },
        },
        user.call,
      );
    } catch (error) {
      const { kind } = classifyP100Failure(error);
      if (kind === 'rejected' || kind === 'not_sent') {
        // P100 refused this user, or never got the request (breaker open, no slot, no time
        // left): no user exists there, so none stays here; the id is free for the retry.
        // (An `unknown` outcome keeps its CREATING row for the reconciler to settle.)
        await this.dataSource.transaction((manager) => this.lifecycle.forgetUncreated(manager, user.externalUserId));
      }
      throw error;
    }
    const { trigger, p100UserId } = user.settle(answer);
    const { user: created } = await this.dataSource.transaction((manager) =>
      this.lifecycle.apply(manager, user.externalUserId, trigger, { source: 'command', id: user.intentKey }, { p100UserId }),
    );
    return created;
  }
}
