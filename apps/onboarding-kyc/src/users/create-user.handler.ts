import { Injectable } from '@nestjs/common';
import { createUserSchema, type CreateUserInput, type UserView } from '@platform/contracts';
import { hashRequest } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, type OperationName } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCreation } from './user-creation';

export const CREATE_USER_OPERATION = 'createUserAccount' satisfies OperationName;

/**
 * Create User Account (KYC model): CREATED, with poaStatus REQUIRED (and its event) when P100
 * answers `poaRequiredForExtended: true`; P100's userId is stored and `onboarding.user.created.v1`
 * leaves through the outbox.
 */
@Injectable()
export class CreateUserHandler implements CommandHandler<CreateUserInput, UserView> {
  readonly schema = createUserSchema;

  constructor(
    private readonly creation: UserCreation,
    private readonly p100: P100Client,
  ) {}

  async handle(input: CreateUserInput): Promise<UserView> {
    const user = await this.creation.create({
      externalUserId: input.externalUserId,
      country: input.country,
      model: 'KYC',
      operation: CREATE_USER_OPERATION,
      intentKey: `create-user:${input.externalUserId}:${hashRequest(input)}`,
      request: input,
      call: () => this.p100.users.create(input),
      settle: (created) => ({
        trigger: created.poaRequiredForExtended === true ? 'createdNeedingPoa' : 'created',
        p100UserId: created.userId ?? null,
      }),
    });
    return toUserView(user);
  }
}
