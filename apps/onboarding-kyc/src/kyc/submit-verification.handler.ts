import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, userRefSchema, type UserRef, type UserView } from '@platform/contracts';
import { IntentLog } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, classifyP100Failure } from '@platform/p100-client';
import { toUserView } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/** Add User Verification: starts P100's asynchronous KYC decision (the outcome comes by webhook). */
@Injectable()
export class SubmitVerificationHandler implements CommandHandler<UserRef, UserView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<UserView> {
    const user = await this.users.get(externalUserId);
    if (user.status === 'VERIFICATION_SUBMITTED' || user.status === 'ACTIVE') return toUserView(user);
    if (!['CREATED', 'KYC_FILES_ADDED'].includes(user.status)) {
      throw new DomainError('USER_NOT_ACTIVE', `verification cannot be submitted for a user in status ${user.status}`);
    }
    await this.intents.execute(
      `verification:${externalUserId}`,
      { operation: 'addUserVerification', request: { externalUserId }, classify: classifyP100Failure },
      () => this.p100.users.addVerification({ externalUserId }),
    );
    return this.dataSource.transaction(async (manager) => {
      // The ACTIVE webhook may already have arrived: advance() never moves a user backwards.
      const { user: advanced } = await this.users.advance(manager, externalUserId, ['CREATED', 'KYC_FILES_ADDED'], 'VERIFICATION_SUBMITTED');
      return toUserView(advanced);
    });
  }
}
