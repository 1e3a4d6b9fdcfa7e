import { Module } from '@nestjs/common';
import { CreateTransferHandler } from './create-transfer.handler';
import { GetTransferDetailsHandler } from './get-transfer-details.handler';
import { TransferSettlementWorker } from './transfer-settlement.worker';
import { TransfersController } from './transfers.controller';

@Module({
  controllers: [TransfersController],
  providers: [CreateTransferHandler, GetTransferDetailsHandler, TransferSettlementWorker],
})
export class TransfersModule {}
