import { Injectable } from '@nestjs/common';
import { userPaymentsRefSchema, type LedgerView, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { ShadowLedger } from './shadow-ledger';

/** The shadow ledger of one user: what the platform believes P100 holds for them. */
@Injectable()
export class GetLedgerHandler implements CommandHandler<UserPaymentsRef, LedgerView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly ledger: ShadowLedger) {}

  handle({ externalUserId }: UserPaymentsRef): Promise<LedgerView> {
    return this.ledger.balances(externalUserId);
  }
}
