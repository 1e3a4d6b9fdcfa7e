import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, queryOne } from '../database/sql';
import { FIAT_CURRENCY } from '../ledger/currency-catalog';
import { findUserByExternalId } from '../users/users.repository';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { amountField } from '../money/amount-schema';
import { ibanStatusPayload, type SepaDepositRow } from './sepa-deposit.payloads';
import { checkAmountPrecision } from './request-fields';
import { iban } from './sepa-transfer.request';

const triggerSepaDepositRequest = z.object({
  /** Omitted: a deposit to the partner's own account. */
  externalUserId: z.string().min(1).optional(),
  amount: amountField,
  senderName: z.string().trim().min(1),
  senderIban: iban,
  /** The transfer reference; defaults to the one Get SEPA Deposit Info gives. */
  title: z.string().trim().min(1).optional(),
}).superRefine((body, ctx) => checkAmountPrecision(ctx, body.amount, FIAT_CURRENCY.slug));

export interface TriggeredSepaDeposit {
  id: string;
  status: 'PENDING';
}

/**
 * Admin: an incoming SEPA transfer arrives (only P100's bank can cause this). The deposit starts
 * PENDING (IBAN Status webhook) and SepaDepositWorker runs the name check after the scaled step
 * delay.
 */
@Injectable()
export class TriggerSepaDepositHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<TriggeredSepaDeposit> {
    const input = parseInput(triggerSepaDepositRequest, body);
    return this.dataSource.transaction(async (tx) => {
      let userId: string | null = null;
      let title: string;
      if (input.externalUserId) {
        const user = await findUserByExternalId(tx, input.externalUserId);
        if (!user || user.deleted_at) throw new NotFoundException(`User ${input.externalUserId} does not exist`);
        if (user.status !== 'ACTIVE') throw new UnprocessableEntityException('The user has no EUR balance yet (KYC not approved)');
        userId = user.id;
        title = input.title ?? user.id;
      } else {
        const account = await queryOne<{ title: string }>(tx, `SELECT title::text AS title FROM partner_sepa_account`);
        title = input.title ?? account!.title;
      }
      const row = await queryOne<SepaDepositRow>(
        tx,
        `INSERT INTO sepa_deposits (id, user_id, amount, currency, sender_name, sender_iban, title, status, next_step_at)
         VALUES ($1, $2, $3::numeric, $4, $5, $6, $7, 'PENDING', ${dueIn('$8')})
         RETURNING id, user_id, $9::text AS external_user_id, amount::text AS amount, currency, sender_name, sender_iban,
                   title, status, created_at`,
        [
          randomUUID(),
          userId,
          input.amount,
          FIAT_CURRENCY.slug,
          input.senderName,
          input.senderIban,
          title,
          scaled(this.config, this.config.moneyProcessingDelayMs),
          input.externalUserId ?? null,
        ],
      );
      await enqueueWebhook(tx, { event: 'iban-status', payload: ibanStatusPayload(row!, 'PENDING') });
      return { id: row!.id, status: 'PENDING' as const };
    });
  }
}
