import { Injectable } from '@nestjs/common';
import { DomainError, userRefSchema, type KycStatusView, type UserRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { refuseIfDeleted } from '../users/user-lifecycle';
import { UsersRepository } from '../users/users.repository';
import { kycStatusOf } from './kyc-status.view';

/** Get KYC Status: P100's view of the user's hosted KYC session (a read; it changes nothing here). */
@Injectable()
export class GetKycStatusHandler implements CommandHandler<UserRef, KycStatusView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly users: UsersRepository,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<KycStatusView> {
    const user = await this.users.get(externalUserId);
    refuseIfDeleted(user, 'KYC status');
    if (user.model === 'LIMITED') throw new DomainError('USER_NOT_ACTIVE', `limited (non-KYC) users have no KYC: user ${externalUserId} has no KYC status`);
    return kycStatusOf(externalUserId, await this.p100.kyc.getStatus(externalUserId));
  }
}
