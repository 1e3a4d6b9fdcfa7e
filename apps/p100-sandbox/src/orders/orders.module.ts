import { Module } from '@nestjs/common';
import { RatesModule } from '../rates/rates.module';
import { CreateOrderHandler } from './create-order.handler';
import { GetOrderDetailsHandler } from './get-order-details.handler';
import { LockOrderRateHandler } from './lock-order-rate.handler';
import { OrderWorker } from './order.worker';
import { OrdersAdminController } from './orders-admin.controller';
import { OrdersController } from './orders.controller';
import { PayOrderHandler } from './pay-order.handler';

/** Orders reuse the rates feature's CurrentRates (drift included) and its indicative rate map. */
@Module({
  imports: [RatesModule],
  controllers: [OrdersController, OrdersAdminController],
  providers: [LockOrderRateHandler, CreateOrderHandler, GetOrderDetailsHandler, PayOrderHandler, OrderWorker],
})
export class OrdersModule {}
