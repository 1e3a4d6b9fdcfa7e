import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import type { Sql } from '../database/sql';
import { isDecimal, isPositive } from '../money/decimal';
import { currentDrift, readRates, saveDrift, setRates, type RateDrift } from './rates.repository';

const rate = z.string().refine((v) => isDecimal(v) && isPositive(v), 'must be a positive decimal string');

const setRatesRequest = z
  .object({
    // EUR is the unit every rate is expressed in, so it cannot be set.
    rates: z.record(z.string().regex(/^[a-z0-9]{2,10}$/).refine((c) => c !== 'eur', 'eur is the unit (1)'), rate).optional(),
    drift: z
      .object({ stepBps: z.number().int().min(0).max(10_000), boundBps: z.number().int().min(0).max(9_999) })
      .strict()
      .optional(),
  })
  .strict();

export interface RatesStateView {
  rates: Record<string, string>;
  drift: RateDrift;
}

/** Admin: set rates (which also become the drift base) and/or the drift; answers the new state. */
@Injectable()
export class SetRatesHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<RatesStateView> {
    const input = parseInput(setRatesRequest, body);
    return this.dataSource.transaction(async (tx) => {
      if (input.rates) await setRates(tx, input.rates);
      if (input.drift) await saveDrift(tx, input.drift);
      return this.state(tx);
    });
  }

  async read(): Promise<RatesStateView> {
    return this.state(this.dataSource);
  }

  private async state(db: Sql): Promise<RatesStateView> {
    return { rates: await readRates(db), drift: await currentDrift(db, this.config.rateDrift) };
  }
}
