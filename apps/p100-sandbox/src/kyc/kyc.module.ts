import { Module } from '@nestjs/common';
import { AddKycFileHandler } from './add-kyc-file.handler';
import { AddPoaFileHandler } from './add-poa-file.handler';
import { AddUserVerificationHandler } from './add-user-verification.handler';
import { CreateKycVerificationHandler } from './create-kyc-verification.handler';
import { GetKycStatusHandler } from './get-kyc-status.handler';
import { KycDecisionWorker } from './kyc-decision.worker';
import { KycFilesController } from './kyc-files.controller';
import { KycHostedController } from './kyc-hosted.controller';
import { KycSessionWorker } from './kyc-session.worker';
import { PoaFilesController } from './poa-files.controller';
import { PoaReviewWorker } from './poa-review.worker';
import { RedirectToVerificationHandler } from './redirect-to-verification.handler';
import { UserVerificationController } from './user-verification.controller';

@Module({
  controllers: [KycFilesController, UserVerificationController, KycHostedController, PoaFilesController],
  providers: [
    AddKycFileHandler,
    AddUserVerificationHandler,
    KycDecisionWorker,
    CreateKycVerificationHandler,
    RedirectToVerificationHandler,
    GetKycStatusHandler,
    KycSessionWorker,
    AddPoaFileHandler,
    PoaReviewWorker,
  ],
  exports: [KycDecisionWorker],
})
export class KycModule {}
