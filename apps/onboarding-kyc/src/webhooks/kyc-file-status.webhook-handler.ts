import { Injectable } from '@nestjs/common';
import type { InboxContext, InboxHandler } from '@platform/database';
import { kycFileAddedWebhookSchema, type KycFileAddedWebhook } from '@platform/p100-client';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/** KYC File Added: remembers whether P100 accepted the uploaded documents (ADDED) or not (ERROR). */
@Injectable()
export class KycFileStatusWebhookHandler implements InboxHandler<KycFileAddedWebhook> {
  readonly schema = kycFileAddedWebhookSchema;

  constructor(private readonly users: UsersRepository) {}

  async handle(webhook: KycFileAddedWebhook, { manager }: InboxContext): Promise<void> {
    const user = await this.users.lock(webhook.externalUserId, manager);
    user.kycFileStatus = webhook.status;
    user.updatedAt = new Date();
    await manager.save(UserEntity, user);
  }
}
