import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { P100ValidationError } from '../errors/p100-error';
import { findOrder, toOrderDetails, type OrderDetailsView } from './order.view';
import { isUuid } from '../sepa/request-fields';

/** Get Order Details (#19). No code is documented for an unknown order: P403 naming the id, as for exchanges. */
@Injectable()
export class GetOrderDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(orderId: string): Promise<OrderDetailsView> {
    const row = isUuid(orderId) ? await findOrder(this.dataSource, orderId) : undefined;
    if (!row) throw new P100ValidationError([`orderId ${orderId} does not match any order`]);
    return toOrderDetails(row);
  }
}
