import { Injectable } from '@nestjs/common';
import { partnerRefSchema, userPaymentsRefSchema, type ExchangeLockView, type PartnerRef, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { RateLocksRepository } from './rate-locks.repository';
import { rateList } from './rate-view';

/**
 * A rate lock for one user, or for the partner (owner null) (60 s at P100 today; P100's
 * validUntil is what counts), remembered for the one exchange of that owner it allows.
 */
async function lockFor(p100: P100Client, locks: RateLocksRepository, externalUserId: string | null): Promise<ExchangeLockView> {
  const lock = externalUserId === null ? await p100.exchange.partnerGetLock() : await p100.exchange.getLock(externalUserId);
  const view = {
    lockId: lock.id,
    rates: rateList(lock.rates),
    feePercentage: String(lock.feePercentage),
    createdAt: new Date(lock.createdAt).toISOString(),
    expiresAt: new Date(lock.validUntil).toISOString(),
  };
  await locks.remember({ purpose: 'exchange', lockId: view.lockId, externalUserId, feePercentage: view.feePercentage, createdAt: view.createdAt, expiresAt: view.expiresAt });
  return view;
}

@Injectable()
export class LockExchangeRateHandler implements CommandHandler<UserPaymentsRef, ExchangeLockView> {
  readonly schema = userPaymentsRefSchema;

  constructor(
    private readonly p100: P100Client,
    private readonly locks: RateLocksRepository,
  ) {}

  handle({ externalUserId }: UserPaymentsRef): Promise<ExchangeLockView> {
    return lockFor(this.p100, this.locks, externalUserId);
  }
}

/** The partner's exchange lock, good for one partner exchange. */
@Injectable()
export class PartnerLockExchangeRateHandler implements CommandHandler<PartnerRef, ExchangeLockView> {
  readonly schema = partnerRefSchema;

  constructor(
    private readonly p100: P100Client,
    private readonly locks: RateLocksRepository,
  ) {}

  handle(): Promise<ExchangeLockView> {
    return lockFor(this.p100, this.locks, null);
  }
}
