import { Module } from '@nestjs/common';
import { CreateWalletHandler } from './create-wallet.handler';
import { WalletCreationWorker } from './wallet-creation.worker';
import { WalletsController } from './wallets.controller';

@Module({ controllers: [WalletsController], providers: [CreateWalletHandler, WalletCreationWorker] })
export class WalletsModule {}
