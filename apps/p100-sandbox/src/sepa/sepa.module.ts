import { Module } from '@nestjs/common';
import { CreateSepaTransferHandler } from './create-sepa-transfer.handler';
import { GetSepaContactsHandler } from './get-sepa-contacts.handler';
import { GetSepaDepositInfoHandler } from './get-sepa-deposit-info.handler';
import { GetSepaTransferDetailsHandler } from './get-sepa-transfer-details.handler';
import { SepaAdminController } from './sepa-admin.controller';
import { SepaDepositWorker } from './sepa-deposit.worker';
import { SepaTransferWorker } from './sepa-transfer.worker';
import { SepaController } from './sepa.controller';
import { TriggerSepaDepositHandler } from './trigger-sepa-deposit.handler';

@Module({
  controllers: [SepaController, SepaAdminController],
  providers: [
    GetSepaDepositInfoHandler,
    GetSepaContactsHandler,
    CreateSepaTransferHandler,
    GetSepaTransferDetailsHandler,
    TriggerSepaDepositHandler,
    SepaTransferWorker,
    SepaDepositWorker,
  ],
})
export class SepaModule {}
