import { Module } from '@nestjs/common';
import { AddKycFileHandler } from './add-kyc-file.handler';
import { AddUserVerificationHandler } from './add-user-verification.handler';
import { KycDecisionWorker } from './kyc-decision.worker';
import { KycFilesController } from './kyc-files.controller';
import { UserVerificationController } from './user-verification.controller';

@Module({
  controllers: [KycFilesController, UserVerificationController],
  providers: [AddKycFileHandler, AddUserVerificationHandler, KycDecisionWorker],
  exports: [KycDecisionWorker],
})
export class KycModule {}
