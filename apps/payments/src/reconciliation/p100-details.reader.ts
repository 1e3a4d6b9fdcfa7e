import { Injectable } from '@nestjs/common';
import type { MovementKind } from '@platform/contracts';
import { P100Client } from '@platform/p100-client';
import { cryptoWithdrawalRecord } from '../crypto/crypto.records';
import { exchangeRecord } from '../exchange/exchange.records';
import type { P100Record } from '../movements/p100-record';
import { orderRecord } from '../orders/order.records';
import { paymentLinkRecord } from '../orders/payment-link.records';
import { sepaTransferRecord } from '../sepa/sepa.records';
import { transferRecord } from '../transfers/transfer.records';

/** P100's details endpoint per movement kind we start, read into a P100Record; deposits have none. */
@Injectable()
export class P100DetailsReader {
  private readonly readers: Partial<Record<MovementKind, (p100Id: string) => Promise<P100Record | undefined>>>;

  constructor(p100: P100Client) {
    const asBody = (value: unknown) => value as Record<string, unknown>;
    this.readers = {
      exchange: async (id) => exchangeRecord(asBody(await p100.exchange.getDetails(id))),
      'transfer-to-partner': async (id) => transferRecord(asBody(await p100.transfers.getDetails(id))),
      'transfer-from-partner': async (id) => transferRecord(asBody(await p100.transfers.getDetails(id))),
      'sepa-transfer': async (id) => sepaTransferRecord(asBody(await p100.sepa.getTransferDetails(id))),
      'crypto-withdrawal': async (id) => cryptoWithdrawalRecord(asBody(await p100.crypto.getWithdrawalDetails(id))),
      order: async (id) => orderRecord(asBody(await p100.orders.getDetails(id))),
      'payment-link': async (id) => paymentLinkRecord(asBody(await p100.orders.getPaymentLinkDetails(id))),
    };
  }

  canRead(kind: MovementKind): boolean {
    return this.readers[kind] !== undefined;
  }

  read(kind: MovementKind, p100Id: string): Promise<P100Record | undefined> {
    return this.readers[kind]!(p100Id);
  }
}
