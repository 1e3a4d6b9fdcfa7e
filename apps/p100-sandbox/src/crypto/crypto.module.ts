import { Module } from '@nestjs/common';
import { CreateCryptoWithdrawalHandler } from './create-crypto-withdrawal.handler';
import { CryptoAdminController } from './crypto-admin.controller';
import { CryptoDepositWorker } from './crypto-deposit.worker';
import { CryptoWithdrawalWorker } from './crypto-withdrawal.worker';
import { CryptoController } from './crypto.controller';
import { GetCryptoWithdrawalDetailsHandler } from './get-crypto-withdrawal-details.handler';
import { GetNetworkFeeHandler } from './get-network-fee.handler';
import { TriggerCryptoDepositHandler } from './trigger-crypto-deposit.handler';
import { UpdateTravelRuleHandler } from './update-travel-rule.handler';

@Module({
  controllers: [CryptoController, CryptoAdminController],
  providers: [
    GetNetworkFeeHandler,
    CreateCryptoWithdrawalHandler,
    GetCryptoWithdrawalDetailsHandler,
    UpdateTravelRuleHandler,
    TriggerCryptoDepositHandler,
    CryptoWithdrawalWorker,
    CryptoDepositWorker,
  ],
})
export class CryptoModule {}
