import { Module } from '@nestjs/common';
import { CardsAdminController } from './cards-admin.controller';
import { CardsController } from './cards.controller';
import { ChangeCardStatusHandler } from './change-card-status.handler';
import { CreateVirtualCardHandler } from './create-virtual-card.handler';
import { GetCardDetailsHandler } from './get-card-details.handler';
import { GetCardLimitsHandler } from './get-card-limits.handler';
import { ListUserCardsHandler } from './list-user-cards.handler';
import { SendCardCodeHandler } from './send-card-code.handler';
import { TriggerCardTransactionHandler } from './trigger-card-transaction.handler';
import { UpdateCardLimitsHandler } from './update-card-limits.handler';
import { UpdateCardPinHandler } from './update-card-pin.handler';

@Module({
  controllers: [CardsController, CardsAdminController],
  providers: [
    CreateVirtualCardHandler,
    ListUserCardsHandler,
    GetCardDetailsHandler,
    UpdateCardPinHandler,
    ChangeCardStatusHandler,
    GetCardLimitsHandler,
    UpdateCardLimitsHandler,
    TriggerCardTransactionHandler,
    SendCardCodeHandler,
  ],
})
export class CardsModule {}
