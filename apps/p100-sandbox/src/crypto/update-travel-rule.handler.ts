import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { P100ValidationError } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { requiredText } from '../sepa/request-fields';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { cryptoDepositPayload, findCryptoDeposit } from './crypto-deposit.payload';

/**
 * openapi `TravelRuleRequest` (inferred body). Only `cryptoDepositId` is required there; the
 * sandbox also requires the originator fields, since releasing a deposit without them would
 * defeat the rule (inferred).
 */
const travelRuleRequest = z.object({
  cryptoDepositId: z.uuid({ error: 'must be a UUID' }),
  name: requiredText(),
  walletType: z.enum(['CUSTODIAL', 'NON_CUSTODIAL', 'OTHER'], { error: 'must be one of the following values: CUSTODIAL, NON_CUSTODIAL, OTHER' }),
  senderType: z.enum(['NATURAL', 'LEGAL'], { error: 'must be one of the following values: NATURAL, LEGAL' }),
});

/**
 * Update Travel Rule, partner (#15) and user (#47), PATCH (method and paths inferred): stores the
 * originator data of a deposit held in WAITING_FOR_TR_DATA and releases it — back to
 * WAITING_FOR_VERIFICATION (webhook), decided by CryptoDepositWorker after the step delay. No
 * error code is documented for a wrong deposit id: P403 naming the field (inferred).
 */
@Injectable()
export class UpdateTravelRuleHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  forPartner(body: unknown): Promise<Record<string, never>> {
    return this.execute(body, 'partner');
  }

  forUser(body: unknown): Promise<Record<string, never>> {
    return this.execute(body, 'user');
  }

  private async execute(body: unknown, owner: 'partner' | 'user'): Promise<Record<string, never>> {
    const input = parseP100Input(travelRuleRequest, body);
    await this.dataSource.transaction(async (tx) => {
      const deposit = await findCryptoDeposit(tx, input.cryptoDepositId, true);
      const ownerMatches = deposit && (owner === 'partner') === (deposit.user_id === null);
      if (!deposit || !ownerMatches || deposit.status !== 'WAITING_FOR_TR_DATA') {
        throw new P100ValidationError(['cryptoDepositId must be the id of a deposit waiting for Travel Rule data']);
      }
      const travelRule = { name: input.name, walletType: input.walletType, senderType: input.senderType };
      await query(
        tx,
        `UPDATE crypto_deposits SET status = 'WAITING_FOR_VERIFICATION', travel_rule = $2::jsonb, next_step_at = ${dueIn('$3')},
                updated_at = now()
          WHERE id = $1`,
        [deposit.id, JSON.stringify(travelRule), scaled(this.config, this.config.moneyProcessingDelayMs)],
      );
      await enqueueWebhook(tx, { event: 'crypto-deposit', payload: cryptoDepositPayload(deposit, 'WAITING_FOR_VERIFICATION') });
    });
    return {};
  }
}
