import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, addKycFilesSchema, type AddKycFilesInput, type UserView } from '@platform/contracts';
import { IntentLog } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, classifyP100Failure } from '@platform/p100-client';
import { toUserView } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/** KYC method A: forwards the identity-document files to P100. Bytes are never stored here. */
@Injectable()
export class AddKycFilesHandler implements CommandHandler<AddKycFilesInput, UserView> {
  readonly schema = addKycFilesSchema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
  ) {}

  async handle(input: AddKycFilesInput): Promise<UserView> {
    const user = await this.users.get(input.externalUserId);
    if (!['CREATED', 'KYC_FILES_ADDED'].includes(user.status)) {
      throw new DomainError('USER_NOT_ACTIVE', `KYC files cannot be added to a user in status ${user.status}`);
    }
    const files = input.files.map((f) => ({ filename: f.filename, contentType: f.contentType, data: Buffer.from(f.dataBase64, 'base64') }));
    const fingerprint = files.map((f) => `${f.filename}:${createHash('sha256').update(f.data).digest('hex')}`);
    await this.intents.execute(
      `kyc-files:${input.externalUserId}:${createHash('sha256').update(fingerprint.join('|')).digest('hex')}`,
      { operation: 'addKycFile', request: fingerprint, classify: classifyP100Failure },
      () => this.p100.kyc.addKycFiles(input.externalUserId, files),
    );
    return this.dataSource.transaction(async (manager) => {
      const { user } = await this.users.advance(manager, input.externalUserId, ['CREATED'], 'KYC_FILES_ADDED');
      return toUserView(user);
    });
  }
}
