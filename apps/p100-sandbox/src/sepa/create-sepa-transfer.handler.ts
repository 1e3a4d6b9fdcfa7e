import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { scaled } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { parseP100Input } from '../errors/parse-p100-input';
import { requireUser } from '../users/require-user';
import { sepaTransferFee } from './sepa-fee';
import {
  partnerSepaTransferRequest,
  userSepaTransferRequest,
  type SepaTransferInput,
  type TransferIdResponse,
} from './sepa-transfer.request';

/**
 * Create a SEPA Transfer, partner (#10) and user (#42). Only the format and the user are checked
 * now; like P100, the funds (and the closed-loop destination) are decided during processing
 * (SepaTransferWorker), which ends in SUCCESSFUL or FAILED with its webhook.
 */
@Injectable()
export class CreateSepaTransferHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  forPartner(body: unknown): Promise<TransferIdResponse> {
    const input = parseP100Input(partnerSepaTransferRequest(this.config.sepaLevel), body);
    return this.record(null, input);
  }

  async forUser(body: unknown): Promise<TransferIdResponse> {
    const input = parseP100Input(userSepaTransferRequest(this.config.sepaLevel), body);
    const user = await requireUser(this.dataSource, input.sourceExternalUserId, { verified: true, notSuspended: true });
    return this.record(user.id, input);
  }

  private async record(userId: string | null, input: SepaTransferInput): Promise<TransferIdResponse> {
    const id = randomUUID();
    await query(
      this.dataSource,
      `INSERT INTO sepa_transfers (id, user_id, amount, fee, currency, destination_iban, transfer_title, receiver_type,
                                   receiver_first_name, receiver_last_name, company_name, status, next_step_at)
       VALUES ($1, $2, $3::numeric, $4::numeric, $5, $6, $7, $8, $9, $10, $11, 'PENDING', ${dueIn('$12')})`,
      [
        id,
        userId,
        input.amount,
        sepaTransferFee(input.amount),
        input.currency,
        input.destinationIban,
        input.transferTitle,
        input.receiverType ?? null,
        input.receiverFirstName ?? null,
        input.receiverLastName ?? null,
        input.companyName ?? null,
        scaled(this.config, this.config.moneyProcessingDelayMs),
      ],
    );
    return { transferId: id };
  }
}
