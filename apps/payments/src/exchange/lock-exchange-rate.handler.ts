import { Injectable } from '@nestjs/common';
import { userPaymentsRefSchema, type ExchangeLockView, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { RateLocksRepository } from './rate-locks.repository';
import { rateList } from './rate-view';

/** A rate lock for one user (60 s at P100 today; P100's validUntil is what counts), remembered for the one exchange it allows. */
@Injectable()
export class LockExchangeRateHandler implements CommandHandler<UserPaymentsRef, ExchangeLockView> {
  readonly schema = userPaymentsRefSchema;

  constructor(
    private readonly p100: P100Client,
    private readonly locks: RateLocksRepository,
  ) {}

  async handle({ externalUserId }: UserPaymentsRef): Promise<ExchangeLockView> {
    const lock = await this.p100.exchange.getLock(externalUserId);
    const view = {
      lockId: lock.id,
      rates: rateList(lock.rates),
      feePercentage: String(lock.feePercentage),
      createdAt: new Date(lock.createdAt).toISOString(),
      expiresAt: new Date(lock.validUntil).toISOString(),
    };
    await this.locks.remember({ purpose: 'exchange', lockId: view.lockId, externalUserId, feePercentage: view.feePercentage, createdAt: view.createdAt, expiresAt: view.expiresAt });
    return view;
  }
}
