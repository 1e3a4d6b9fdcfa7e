import { Module } from '@nestjs/common';
import { GetPartnerBalancesHandler } from './get-partner-balances.handler';
import { PartnerController } from './partner.controller';

@Module({ controllers: [PartnerController], providers: [GetPartnerBalancesHandler] })
export class PartnerModule {}
