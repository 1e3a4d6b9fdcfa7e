import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { amountField, amountPrecisionProblem } from '../money/amount-schema';
import { findUserByExternalId } from '../users/users.repository';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { cryptoDepositPayload, findCryptoDeposit } from './crypto-deposit.payload';
import { resolveNetwork, SUPPORTED_CRYPTO } from './crypto-networks';

const triggerCryptoDepositRequest = z.object({
  /** Omitted: a deposit to the partner's own wallet. */
  externalUserId: z.string().min(1).optional(),
  currency: z.string().transform((v) => v.toLowerCase()).pipe(z.enum(SUPPORTED_CRYPTO as [string, ...string[]])),
  network: z.string().min(1).optional(),
  amount: amountField,
  transactionHash: z.string().min(1).optional(),
  /** What the compliance check will decide; `unsuccessful` simulates a rejected deposit. */
  outcome: z.enum(['success', 'unsuccessful']).default('success'),
});

export interface TriggeredCryptoDeposit {
  cryptoDepositId: string;
  status: 'WAITING_FOR_VERIFICATION';
}

/**
 * Admin: crypto arrives on chain (only P100 can see this). The deposit starts
 * WAITING_FOR_VERIFICATION with its webhook; CryptoDepositWorker decides it after the step delay.
 */
@Injectable()
export class TriggerCryptoDepositHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<TriggeredCryptoDeposit> {
    const input = parseInput(triggerCryptoDepositRequest, body);
    const target = resolveNetwork(input.currency, input.network);
    if (!target) throw new UnprocessableEntityException(`${input.currency} has no network ${input.network}`);
    const precision = amountPrecisionProblem(input.amount, target.currency.slug);
    if (precision) throw new UnprocessableEntityException(precision);

    return this.dataSource.transaction(async (tx) => {
      let userId: string | null = null;
      if (input.externalUserId) {
        const user = await findUserByExternalId(tx, input.externalUserId);
        if (!user || user.deleted_at) throw new NotFoundException(`User ${input.externalUserId} does not exist`);
        if (user.status !== 'ACTIVE') throw new UnprocessableEntityException('The user has no crypto balances yet (KYC not approved)');
        userId = user.id;
      }
      const id = randomUUID();
      const hash = input.transactionHash ?? `0x${randomBytes(32).toString('hex')}`;
      await query(
        tx,
        `INSERT INTO crypto_deposits (id, user_id, currency, network, amount, transaction_hash, outcome, status, next_step_at)
         VALUES ($1, $2, $3, $4, $5::numeric, $6, $7, 'WAITING_FOR_VERIFICATION', ${dueIn('$8')})`,
        [id, userId, target.currency.slug, target.network, input.amount, hash, input.outcome, scaled(this.config, this.config.moneyProcessingDelayMs)],
      );
      const deposit = (await findCryptoDeposit(tx, id))!;
      await enqueueWebhook(tx, { event: 'crypto-deposit', payload: cryptoDepositPayload(deposit, 'WAITING_FOR_VERIFICATION') });
      return { cryptoDepositId: id, status: 'WAITING_FOR_VERIFICATION' as const };
    });
  }
}
