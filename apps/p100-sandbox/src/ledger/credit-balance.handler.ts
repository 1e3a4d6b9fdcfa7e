import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { parseAmount, isPositive } from '../money/decimal';
import { findUserByExternalId } from '../users/users.repository';
import { currencyDecimals, MONEY_CURRENCIES } from './currency-catalog';
import { LedgerService, type LedgerOwner } from './ledger.service';
import { ensurePartnerBalances } from './partner-balances.repository';

const creditRequest = z
  .object({
    externalUserId: z.string().min(1).optional(),
    partner: z.literal(true).optional(),
    currency: z.enum(MONEY_CURRENCIES as [string, ...string[]]),
    // A decimal string: the admin API never takes amounts as JSON numbers.
    amount: z.string(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.externalUserId === undefined) === (v.partner === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['externalUserId'], message: 'give exactly one of externalUserId and partner: true' });
    }
    const decimals = currencyDecimals(v.currency) ?? 0;
    const amount = parseAmount(v.amount, decimals);
    if (amount === undefined || !isPositive(amount)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `must be a positive decimal string with at most ${decimals} decimals` });
    }
  });

export interface CreditResult {
  owner: 'partner' | 'user';
  externalUserId: string | null;
  currency: string;
  balance: string;
  reference: { type: string; id: string };
}

/** Admin: funds a user's or the partner's balance (journaled as `admin-credit`), for tests. */
@Injectable()
export class CreditBalanceHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async execute(body: unknown): Promise<CreditResult> {
    const input = parseInput(creditRequest, body);
    return this.dataSource.transaction(async (tx) => {
      let owner: LedgerOwner = { kind: 'partner' };
      if (input.externalUserId !== undefined) {
        const user = await findUserByExternalId(tx, input.externalUserId);
        if (!user || user.deleted_at) throw new NotFoundException(`user ${input.externalUserId} does not exist`);
        if (user.status !== 'ACTIVE') throw new ConflictException(`user ${input.externalUserId} has no balances before KYC approval`);
        owner = { kind: 'user', userId: user.id };
      } else {
        await ensurePartnerBalances(tx);
      }
      const reference = { type: 'admin-credit', id: randomUUID() };
      await this.ledger.credit(tx, { owner, currency: input.currency, amount: input.amount, reference });
      return {
        owner: owner.kind,
        externalUserId: input.externalUserId ?? null,
        currency: input.currency,
        balance: await this.ledger.balance(tx, owner, input.currency),
        reference,
      };
    });
  }
}
