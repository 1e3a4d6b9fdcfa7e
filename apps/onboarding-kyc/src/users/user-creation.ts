import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ONBOARDING_EVENTS_TOPIC, OnboardingEvents } from '@platform/contracts';
import { enqueueEvent } from '@platform/database';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** What P100 told us of a created user; `p100UserId` is null when only its existence is known. */
export interface CreatedAtP100 {
  p100UserId: string | null;
  poaRequired: boolean;
}

/**
 * The one way a user leaves CREATING: after P100 answered Create User (the handler) or after the
 * reconciler found the user at P100. Moves the row and enqueues `onboarding.user.created.v1`,
 * once, in the caller's transaction.
 */
@Injectable()
export class UserCreation {
  constructor(private readonly users: UsersRepository) {}

  async markCreated(manager: EntityManager, externalUserId: string, created: CreatedAtP100): Promise<UserEntity> {
    const { user, moved } = await this.users.advance(manager, externalUserId, ['CREATING'], 'CREATED', {
      p100UserId: created.p100UserId,
      poaRequired: created.poaRequired,
    });
    if (moved) {
      await enqueueEvent(manager, {
        topic: ONBOARDING_EVENTS_TOPIC,
        key: user.externalUserId,
        type: OnboardingEvents.userCreated.type,
        payload: { externalUserId: user.externalUserId, p100UserId: created.p100UserId, createdAt: user.createdAt.toISOString() },
      });
    }
    return user;
  }

  /** P100 has no such user: free the id, so that the caller's retry creates it afresh. */
  async forget(manager: EntityManager, externalUserId: string): Promise<void> {
    await manager.query(`DELETE FROM users WHERE external_user_id = $1 AND status = 'CREATING'`, [externalUserId]);
  }
}
