import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import {
  PartnerAccountCommands,
  transactionHistoryQuerySchema,
  type PartnerBalancesView,
  type PartnerWalletView,
  type TransactionHistoryQuery,
  type TransactionHistoryView,
} from '@platform/contracts';
import { IntentLog } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { classifyP100Failure, P100Client } from '@platform/p100-client';

/** The partner's own balances at P100, every currency (exact amounts). */
@Injectable()
export class GetPartnerBalancesHandler implements CommandHandler<Record<string, never>, PartnerBalancesView> {
  readonly schema = PartnerAccountCommands.getBalances.schema;

  constructor(private readonly p100: P100Client) {}

  async handle(): Promise<PartnerBalancesView> {
    const { fiatBalances, cryptoBalances } = await this.p100.partner.getBalances();
    return {
      balances: [
        ...fiatBalances.map((b) => ({ currency: b.name.toLowerCase(), amount: String(b.amount), iban: b.iban ?? null, wallet: null })),
        ...cryptoBalances.map((b) => ({ currency: b.name.toLowerCase(), amount: String(b.amount), iban: null, wallet: b.wallet ?? null })),
      ],
    };
  }
}

/** One month of the partner's movements as P100 lists them. */
@Injectable()
export class GetPartnerTransactionHistoryHandler implements CommandHandler<TransactionHistoryQuery, TransactionHistoryView> {
  readonly schema = transactionHistoryQuerySchema;

  constructor(private readonly p100: P100Client) {}

  async handle(period: TransactionHistoryQuery): Promise<TransactionHistoryView> {
    const { transactions } = await this.p100.partner.getTransactionHistory(period);
    return {
      transactions: transactions.map((t) => {
        const extra = t as typeof t & { referenceId?: string | null; direction?: string | null };
        return {
          id: t.id,
          type: t.type,
          amount: String(t.amount),
          currency: t.currency.toLowerCase(),
          status: t.status,
          referenceId: extra.referenceId ?? null,
          direction: extra.direction ?? null,
          createdAt: new Date(t.createdAt).toISOString(),
        };
      }),
    };
  }
}

type CreateWalletCommand = z.infer<typeof PartnerAccountCommands.createWallet.schema>;

/**
 * Create Wallet at P100, recorded as an intent first: a repeat of the request (same requestId)
 * answers what P100 answered the first time instead of asking for a second wallet.
 */
@Injectable()
export class CreatePartnerWalletHandler implements CommandHandler<CreateWalletCommand, PartnerWalletView> {
  readonly schema = PartnerAccountCommands.createWallet.schema;

  constructor(
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
  ) {}

  async handle({ requestId, ...terms }: CreateWalletCommand): Promise<PartnerWalletView> {
    this.p100.failFastIfOpen('partnerCreateWallet');
    const answer = (await this.intents.execute(
      `partner-wallet:${requestId}`,
      { operation: 'partnerCreateWallet', request: terms, classify: classifyP100Failure },
      () => this.p100.partner.createWallet({ currency: terms.currency, ...(terms.network ? { network: terms.network } : {}) }),
    )) as { id?: string; network?: string; status?: string } | null;
    return { id: answer?.id ?? null, currency: terms.currency, network: answer?.network ?? terms.network ?? null, status: answer?.status ?? 'PENDING' };
  }
}
