import { Injectable } from '@nestjs/common';
import { createLimitedUserSchema, type CreateLimitedUserInput, type UserView } from '@platform/contracts';
import { hashRequest } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, type OperationName } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCreation } from './user-creation';

export const CREATE_LIMITED_USER_OPERATION = 'createNonKycUser' satisfies OperationName;

/**
 * A user of P100's non-KYC model: ACTIVE at once (created and activated events together), with
 * crypto and eur balances; it never goes through KYC, POA or cards.
 */
@Injectable()
export class CreateLimitedUserHandler implements CommandHandler<CreateLimitedUserInput, UserView> {
  readonly schema = createLimitedUserSchema;

  constructor(
    private readonly creation: UserCreation,
    private readonly p100: P100Client,
  ) {}

  async handle(input: CreateLimitedUserInput): Promise<UserView> {
    const user = await this.creation.create({
      externalUserId: input.externalUserId,
      country: input.country,
      model: 'LIMITED',
      operation: CREATE_LIMITED_USER_OPERATION,
      intentKey: `create-limited-user:${input.externalUserId}:${hashRequest(input)}`,
      request: input,
      call: () => this.p100.users.createNonKyc(input),
      settle: (created) => ({ trigger: 'limitedCreated', p100UserId: created.userId ?? null }),
    });
    return toUserView(user);
  }
}
