import { Injectable } from '@nestjs/common';
import { addKycFilesSchema, type AddKycFilesInput, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { toUserView } from '../users/user.entity';
import { UserCommandRunner } from '../users/user-command.runner';
import { uploadedFiles } from './uploaded-files';

/** KYC method A: forwards the identity-document files to P100 (outcome: the KYC File Added webhook). */
@Injectable()
export class AddKycFilesHandler implements CommandHandler<AddKycFilesInput, UserView> {
  readonly schema = addKycFilesSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle(input: AddKycFilesInput): Promise<UserView> {
    const { files, fingerprint } = uploadedFiles(input);
    const { user } = await this.commands.run({
      externalUserId: input.externalUserId,
      trigger: 'kycFilesAdded',
      operation: 'addKycFile',
      request: fingerprint,
      keyedByContent: true,
      call: () => this.p100.kyc.addKycFiles(input.externalUserId, files),
    });
    return toUserView(user);
  }
}
