/**
 * Indicative rates per 1 unit in EUR, from the Retrieve Exchange Rate example (endpoints.md #36).
 * Seeded by the first migration and restored by the admin reset.
 */
export const DEFAULT_RATES: Readonly<Record<string, string>> = {
  btc: '55647.81453411',
  doge: '0.09853434',
  eth: '2188.45355799',
  eur: '1',
  eurt: '0.993082',
  ltc: '59.23864178',
  pol: '0.35312008',
  usdc: '0.914372',
  usdt: '0.914208',
};
