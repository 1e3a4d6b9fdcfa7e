import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { parseP100Input } from '../errors/parse-p100-input';
import { requireUser } from '../users/require-user';
import { partnerCryptoWithdrawalRequest, userCryptoWithdrawalRequest, type CryptoWithdrawalInput } from './crypto-withdrawal.request';
import { networkFee } from './network-fees';

export interface WithdrawalIdResponse {
  withdrawalId: string;
}

/**
 * Create Crypto Withdrawal, partner (#13, path inferred) and user (#45). The service fee
 * (`networkConfig.feeWithdrawal`) and the network fee quoted now are fixed on the withdrawal;
 * whether the balance covers amount + both fees is decided during processing.
 */
@Injectable()
export class CreateCryptoWithdrawalHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  forPartner(body: unknown): Promise<WithdrawalIdResponse> {
    return this.record(null, parseP100Input(partnerCryptoWithdrawalRequest, body));
  }

  async forUser(body: unknown): Promise<WithdrawalIdResponse> {
    const input = parseP100Input(userCryptoWithdrawalRequest, body);
    const user = await requireUser(this.dataSource, input.sourceExternalUserId!, { verified: true, notSuspended: true });
    return this.record(user.id, input);
  }

  private async record(userId: string | null, input: CryptoWithdrawalInput): Promise<WithdrawalIdResponse> {
    const { currency, network, config } = input.target;
    const fee = networkFee(currency.slug, network);
    if (fee === undefined) throw new Error(`No network fee configured for ${currency.slug} on ${network}`);
    const id = randomUUID();
    await query(
      this.dataSource,
      `INSERT INTO crypto_withdrawals (id, user_id, currency, network, amount, service_fee, network_fee, wallet_address, memo,
                                       name, wallet_type, receiver_type, status, next_step_at)
       VALUES ($1, $2, $3, $4, $5::numeric, $6::numeric, $7::numeric, $8, $9, $10, $11, $12, 'PENDING', ${dueIn('$13')})`,
      [
        id,
        userId,
        currency.slug,
        network,
        input.amount,
        config.withdrawal.feeWithdrawal,
        fee,
        input.walletAddress,
        input.memo ?? null,
        input.name,
        input.walletType,
        input.receiverType,
        scaled(this.config, this.config.moneyProcessingDelayMs),
      ],
    );
    return { withdrawalId: id };
  }
}
