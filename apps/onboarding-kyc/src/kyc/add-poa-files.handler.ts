import { Injectable } from '@nestjs/common';
import { addPoaFilesSchema, type AddPoaFilesInput, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { toUserView } from '../users/user.entity';
import { UserCommandRunner } from '../users/user-command.runner';
import { uploadedFiles } from './uploaded-files';

/**
 * Add POA File: only while P100 asks for a proof of address (poaStatus REQUIRED, or QUESTIONED /
 * REJECTED for another document); refused before P100 is asked otherwise (POA_NOT_REQUIRED,
 * POA_PENDING, POA_ALREADY_VERIFIED). poaStatus becomes WAITING; the review comes by webhook.
 */
@Injectable()
export class AddPoaFilesHandler implements CommandHandler<AddPoaFilesInput, UserView> {
  readonly schema = addPoaFilesSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle(input: AddPoaFilesInput): Promise<UserView> {
    const { files, fingerprint } = uploadedFiles(input);
    const { user } = await this.commands.run({
      externalUserId: input.externalUserId,
      trigger: 'poaSubmitted',
      operation: 'addPoaFile',
      request: fingerprint,
      // While one upload is under review P100 answers P211 to another: a repeat cannot start a second review.
      reattemptUnknown: true,
      call: () => this.p100.kyc.addPoaFiles(input.externalUserId, files),
    });
    return toUserView(user);
  }
}
