import { Injectable } from '@nestjs/common';
import type { IntentResolver, OpenIntent, Resolution } from '@platform/database';
import { P100Client, P100UserNotFoundError } from '@platform/p100-client';
import { CREATE_LIMITED_USER_OPERATION } from './create-limited-user.handler';
import { CREATE_USER_OPERATION } from './create-user.handler';
import { UserLifecycle, type UserTrigger } from './user-lifecycle';

/**
 * Settles a Create User whose answer was lost (timeout, crash). P100 has no endpoint that reads
 * a user, so its existence is asked through Get User Balances: P412 "user not found" means it was
 * never created (the id is freed for the caller's retry); an answer means it was, and the user
 * moves on as if P100 had answered (its P100 userId stays unknown: P100 only returns it on
 * create; so does `poaRequiredForExtended`, taken as false).
 * Decorated too, so that Nest finds the constructor's parameter types the subclasses inherit.
 */
@Injectable()
abstract class CreatedUserResolver implements IntentResolver {
  abstract readonly operation: string;
  protected abstract readonly trigger: UserTrigger;

  constructor(
    private readonly p100: P100Client,
    private readonly lifecycle: UserLifecycle,
  ) {}

  async resolve(intent: OpenIntent): Promise<Resolution> {
    const externalUserId = intent.subject?.externalUserId;
    if (!externalUserId) return { outcome: 'unknown' };
    try {
      await this.p100.users.getBalances(externalUserId);
    } catch (error) {
      if (error instanceof P100UserNotFoundError) return { outcome: 'absent', apply: (manager) => this.lifecycle.forgetUncreated(manager, externalUserId) };
      throw error;
    }
    return {
      outcome: 'done',
      response: { userId: null, confirmedBy: 'getUserBalances' },
      apply: async (manager) => {
        await this.lifecycle.apply(manager, externalUserId, this.trigger, { source: 'reconciler', id: intent.idempotencyKey }, { p100UserId: null });
      },
    };
  }
}

@Injectable()
export class CreateUserResolver extends CreatedUserResolver {
  readonly operation = CREATE_USER_OPERATION;
  protected readonly trigger = 'created';
}

@Injectable()
export class CreateLimitedUserResolver extends CreatedUserResolver {
  readonly operation = CREATE_LIMITED_USER_OPERATION;
  protected readonly trigger = 'limitedCreated';
}
