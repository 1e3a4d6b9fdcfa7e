import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, queryOne } from '../database/sql';
import { FIAT_CURRENCY } from '../ledger/currency-catalog';
import { divRound, isPositive } from '../money/decimal';
import { jsonAmount } from '../money/exact-json';
import { parseP100Input } from '../errors/parse-p100-input';
import { P100ValidationError } from '../errors/p100-error';
import { CurrentRates } from '../rates/current-rates';
import { orderLockRequest } from './order.request';

/** openapi `OrderLockResponse`, newest version (`currency`, `destinationCurrency`, string `rate`). */
export interface OrderLockView {
  lockId: string;
  amount: number;
  rate: string;
  expiresAt: string;
  currency: string;
  destinationCurrency: string;
  network: string;
}

/**
 * Retrieve Order Rate and Create a Lock (#17): how much of the crypto the payer must send for the
 * requested EUR settlement, at the current rate (EUR per unit), fixed until `expiresAt`. The
 * crypto amount is cut to the currency's decimals, as the docs' example (346.59 EUR at 0.84 →
 * 412.607142 usdc) shows.
 */
@Injectable()
export class LockOrderRateHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly currentRates: CurrentRates,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<OrderLockView> {
    const { target, amount } = parseP100Input(orderLockRequest, body);
    return this.dataSource.transaction(async (tx) => {
      const rate = (await this.currentRates.read(tx))[target.currency.slug];
      if (!rate) throw new Error(`No rate for ${target.currency.slug}`);
      const cryptoAmount = divRound(amount, rate, target.currency.decimals, 'down');
      if (!isPositive(cryptoAmount)) throw new P100ValidationError(['amount is too small for an order']);
      const lock = await queryOne<{ id: string; expires_at: Date }>(
        tx,
        `INSERT INTO order_locks (id, currency, network, settlement_amount, crypto_amount, rate, expires_at)
         VALUES ($1, $2, $3, $4::numeric, $5::numeric, $6::numeric, ${dueIn('$7')})
         RETURNING id, expires_at`,
        [randomUUID(), target.currency.slug, target.network, amount, cryptoAmount, rate, this.config.orderLockTtlMs],
      );
      return {
        lockId: lock!.id,
        amount: jsonAmount(cryptoAmount),
        rate,
        expiresAt: lock!.expires_at.toISOString(),
        currency: target.currency.slug,
        destinationCurrency: FIAT_CURRENCY.slug,
        network: target.network,
      };
    });
  }
}
