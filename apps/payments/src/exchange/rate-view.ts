import type { ExchangeRatesView } from '@platform/contracts';

/** P100's rate map (slug → EUR value, exact strings) as a list, sorted for stable answers. */
export function rateList(rates: Record<string, unknown>): ExchangeRatesView['rates'] {
  return Object.entries(rates)
    .map(([currency, rate]) => ({ currency: currency.toLowerCase(), rateEur: String(rate) }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
