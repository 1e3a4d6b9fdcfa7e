import { Inject, Injectable } from '@nestjs/common';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import type { Sql } from '../database/sql';
import { jsonAmount } from '../money/exact-json';
import { currentDrift, driftRates, readRates } from './rates.repository';

/**
 * The rates a partner sees: every read is one step of the configured random walk (drift 0 =
 * fixed rates), so successive reads and locks see moving prices as on P100.
 */
@Injectable()
export class CurrentRates {
  constructor(@Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig) {}

  async read(db: Sql): Promise<Record<string, string>> {
    await driftRates(db, await currentDrift(db, this.config.rateDrift));
    return readRates(db);
  }
}

/** openapi `RateMap`: rates are JSON numbers, written digit for digit. */
export function rateMapView(rates: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(rates).map(([currency, rate]) => [currency, jsonAmount(rate)]));
}
