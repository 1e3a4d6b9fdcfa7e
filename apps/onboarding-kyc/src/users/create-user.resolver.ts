import { Injectable } from '@nestjs/common';
import type { IntentResolver, OpenIntent, Resolution } from '@platform/database';
import { P100Client, P100UserNotFoundError } from '@platform/p100-client';
import { CREATE_USER_OPERATION } from './create-user.handler';
import { UserCreation } from './user-creation';

/**
 * Settles a Create User Account whose answer was lost (timeout, crash). P100 has no endpoint
 * that reads a user, so its existence is asked through Get User Balances: P412 "user not found"
 * means it was never created (the id is freed for the caller's retry); an answer means it was,
 * and the user moves to CREATED (its P100 userId stays unknown: P100 only returns it on create).
 */
@Injectable()
export class CreateUserResolver implements IntentResolver {
  readonly operation = CREATE_USER_OPERATION;

  constructor(
    private readonly p100: P100Client,
    private readonly creation: UserCreation,
  ) {}

  async resolve(intent: OpenIntent): Promise<Resolution> {
    const externalUserId = intent.subject?.externalUserId;
    if (!externalUserId) return { outcome: 'unknown' };
    try {
      await this.p100.users.getBalances(externalUserId);
    } catch (error) {
      if (error instanceof P100UserNotFoundError) return { outcome: 'absent', apply: (manager) => this.creation.forget(manager, externalUserId) };
      throw error;
    }
    return {
      outcome: 'done',
      response: { userId: null, confirmedBy: 'getUserBalances' },
      apply: async (manager) => void (await this.creation.markCreated(manager, externalUserId, { p100UserId: null, poaRequired: false })),
    };
  }
}
