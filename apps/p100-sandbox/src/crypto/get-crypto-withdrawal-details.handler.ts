import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { P100ValidationError } from '../errors/p100-error';
import { findCryptoWithdrawal, toCryptoWithdrawalDetails, type CryptoWithdrawalDetails } from './crypto-withdrawal.view';
import { isUuid } from '../sepa/request-fields';

/**
 * Get Crypto Withdrawal Details (#14 / #46), one path for partner and user withdrawals. P100
 * documents no code for an unknown id: P403 naming it, as for exchanges (inferred).
 */
@Injectable()
export class GetCryptoWithdrawalDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(withdrawalId: string): Promise<CryptoWithdrawalDetails> {
    const row = isUuid(withdrawalId) ? await findCryptoWithdrawal(this.dataSource, withdrawalId) : undefined;
    if (!row) throw new P100ValidationError([`withdrawalId ${withdrawalId} does not match any withdrawal`]);
    return toCryptoWithdrawalDetails(row);
  }
}
