import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { jsonAmount } from '../money/exact-json';
import { requireUser } from '../users/require-user';
import { CurrentRates, rateMapView } from './current-rates';
import { insertRateLock } from './rate-locks.repository';

/** openapi `ExchangeLock`. */
export interface ExchangeLockView {
  id: string;
  rates: Record<string, number>;
  feePercentage: number;
  createdAt: string;
  validUntil: string;
}

/**
 * Retrieve Exchange Rate and Create a Lock (#5 partner, #37 user): a snapshot of the current
 * rates, guaranteed until `validUntil` (60 s in the current docs, 40 s in the oldest; the TTL is
 * a knob) and usable by one exchange of the same account.
 */
@Injectable()
export class CreateRateLockHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly currentRates: CurrentRates,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  forPartner(): Promise<ExchangeLockView> {
    return this.create(null);
  }

  forUser(externalUserId: string): Promise<ExchangeLockView> {
    return this.create(externalUserId);
  }

  private create(externalUserId: string | null): Promise<ExchangeLockView> {
    return this.dataSource.transaction(async (tx) => {
      const owner = externalUserId === null ? ({ kind: 'partner' } as const) : { kind: 'user' as const, userId: (await requireUser(tx, externalUserId)).id };
      const rates = await this.currentRates.read(tx);
      const createdAt = new Date();
      const validUntil = new Date(createdAt.getTime() + this.config.exchangeLockTtlMs);
      const id = randomUUID();
      const feePercentage = this.config.exchangeFeePercentage;
      await insertRateLock(tx, { id, owner, rates, feePercentage, createdAt, validUntil });
      return {
        id,
        rates: rateMapView(rates),
        feePercentage: jsonAmount(feePercentage),
        createdAt: createdAt.toISOString(),
        validUntil: validUntil.toISOString(),
      };
    });
  }
}
