import { Injectable } from '@nestjs/common';
import { partnerRefSchema, type LedgerView, type PartnerRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { ShadowLedger } from './shadow-ledger';

/** The partner's shadow ledger: what the platform's own movements say P100 holds for the partner. */
@Injectable()
export class GetPartnerLedgerHandler implements CommandHandler<PartnerRef, LedgerView> {
  readonly schema = partnerRefSchema;

  constructor(private readonly ledger: ShadowLedger) {}

  handle(): Promise<LedgerView> {
    return this.ledger.balances(null);
  }
}
