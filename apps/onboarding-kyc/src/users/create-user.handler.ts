import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  ONBOARDING_EVENTS_TOPIC,
  OnboardingEvents,
  createUserSchema,
  type CreateUserInput,
  type UserView,
} from '@platform/contracts';
import { IntentLog, enqueueEvent, hashRequest } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { classifyP100Failure } from '../p100/p100-failures';
import { toUserView } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * Create User Account: the user row (CREATING) and the intent are recorded before P100 is called;
 * P100's userId is stored and `onboarding.user.created.v1` leaves through the outbox. A repeat of
 * the same request replays the stored outcome without calling P100 again.
 */
@Injectable()
export class CreateUserHandler implements CommandHandler<CreateUserInput, UserView> {
  readonly schema = createUserSchema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
  ) {}

  async handle(input: CreateUserInput): Promise<UserView> {
    const intentKey = `create-user:${input.externalUserId}:${hashRequest(input)}`;
    const existing = await this.users.find(input.externalUserId);
    if (existing && existing.status !== 'CREATING' && !(await this.intents.exists(intentKey))) {
      throw new DomainError('USER_ALREADY_EXISTS', `user ${input.externalUserId} already exists`);
    }
    await this.dataSource.query(
      `INSERT INTO users (external_user_id, status, country) VALUES ($1, 'CREATING', $2) ON CONFLICT (external_user_id) DO NOTHING`,
      [input.externalUserId, input.country],
    );
    let created;
    try {
      created = await this.intents.execute(
        intentKey,
        // P100 dedupes users on externalUserId (P411), so an attempt whose answer was lost may be repeated.
        { operation: 'createUserAccount', request: input, classify: classifyP100Failure, reattemptUnknown: true },
        () => this.p100.users.create(input),
      );
    } catch (error) {
      if (classifyP100Failure(error).kind === 'rejected') {
        // P100 refused this user: free the id so that a corrected request can be sent.
        await this.dataSource.query(`DELETE FROM users WHERE external_user_id = $1 AND status = 'CREATING'`, [input.externalUserId]);
      }
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const { user, moved } = await this.users.advance(manager, input.externalUserId, ['CREATING'], 'CREATED', {
        p100UserId: created.userId,
        poaRequired: created.poaRequiredForExtended === true,
      });
      if (moved) {
        await enqueueEvent(manager, {
          topic: ONBOARDING_EVENTS_TOPIC,
          key: user.externalUserId,
          type: OnboardingEvents.userCreated.type,
          payload: { externalUserId: user.externalUserId, p100UserId: created.userId, createdAt: user.createdAt.toISOString() },
        });
      }
      return toUserView(user);
    });
  }
}
