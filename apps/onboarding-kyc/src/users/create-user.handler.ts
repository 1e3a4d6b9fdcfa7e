import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, createUserSchema, type CreateUserInput, type UserView } from '@platform/contracts';
import { IntentLog, hashRequest } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, classifyP100Failure, type OperationName } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCreation } from './user-creation';
import { UsersRepository } from './users.repository';

export const CREATE_USER_OPERATION = 'createUserAccount' satisfies OperationName;

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
    private readonly creation: UserCreation,
  ) {}

  async handle(input: CreateUserInput): Promise<UserView> {
    const intentKey = `create-user:${input.externalUserId}:${hashRequest(input)}`;
    const existing = await this.users.find(input.externalUserId);
    if (existing && existing.status !== 'CREATING' && !(await this.intents.exists(intentKey))) {
      throw new DomainError('USER_ALREADY_EXISTS', `user ${input.externalUserId} already exists`);
    }
    // While P100's user endpoints are failing, refuse before writing anything: the call would be
    // refused anyway, and a fast answer is what the caller needs then.
    this.p100.failFastIfOpen(CREATE_USER_OPERATION);
    await this.dataSource.query(
      `INSERT INTO users (external_user_id, status, country) VALUES ($1, 'CREATING', $2) ON CONFLICT (external_user_id) DO NOTHING`,
      [input.externalUserId, input.country],
    );
    let created;
    try {
      created = await this.intents.execute(
        intentKey,
        // P100 dedupes users on externalUserId (P411), so an attempt whose answer was lost may be repeated.
        {
          operation: CREATE_USER_OPERATION,
          request: input,
          classify: classifyP100Failure,
          reattemptUnknown: true,
          // What the reconciler needs to ask P100 about this user when the outcome is unknown.
          subject: { externalUserId: input.externalUserId },
        },
        () => this.p100.users.create(input),
      );
    } catch (error) {
      const { kind } = classifyP100Failure(error);
      if (kind === 'rejected' || kind === 'not_sent') {
        // P100 refused this user, or never got the request (breaker open, no slot, no time
        // left): no user exists there, so none stays here; the id is free for the retry.
        // (An `unknown` outcome keeps its CREATING row for the reconciler to settle.)
        await this.dataSource.transaction((manager) => this.creation.forget(manager, input.externalUserId));
      }
      throw error;
    }
    const user = await this.dataSource.transaction((manager) =>
      this.creation.markCreated(manager, input.externalUserId, { p100UserId: created.userId ?? null, poaRequired: created.poaRequiredForExtended === true }),
    );
    return toUserView(user);
  }
}
