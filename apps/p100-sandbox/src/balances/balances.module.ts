import { Module } from '@nestjs/common';
import { BalancesController } from './balances.controller';
import { GetUserBalancesHandler } from './get-user-balances.handler';

@Module({ controllers: [BalancesController], providers: [GetUserBalancesHandler] })
export class BalancesModule {}
