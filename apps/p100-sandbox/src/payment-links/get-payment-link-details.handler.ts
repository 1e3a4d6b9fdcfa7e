import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { P100ValidationError } from '../errors/p100-error';
import { findPaymentLink, toPaymentLinkDetails, type PaymentLinkDetailsView } from './payment-link.view';
import { isUuid } from '../sepa/request-fields';

/** Get Payment Link Details (#22, inferred). Unknown id: P403 naming it, as for exchanges and orders. */
@Injectable()
export class GetPaymentLinkDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(paymentLinkId: string): Promise<PaymentLinkDetailsView> {
    const row = isUuid(paymentLinkId) ? await findPaymentLink(this.dataSource, paymentLinkId) : undefined;
    if (!row) throw new P100ValidationError([`paymentLinkId ${paymentLinkId} does not match any payment link`]);
    return toPaymentLinkDetails(row);
  }
}
