/**
 * The sandbox's "current" blockchain fee per currency and network, answered by Get Network Fee and
 * charged on top of the amount and the service fee by a withdrawal. P100's are live values; these
 * are fixed, plausible testnet figures (inferred) except eth, which is the docs' example 0.000469.
 */
const NETWORK_FEES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  btc: { btc: '0.00002' },
  eth: { ethereum: '0.000469' },
  ltc: { ltc: '0.0001' },
  pol: { polygon: '0.01' },
  usdc: { ethereum: '1.2', polygon: '0.02' },
  usdt: { ethereum: '1.2', polygon: '0.02' },
};

export function networkFee(currency: string, network: string): string | undefined {
  return NETWORK_FEES[currency]?.[network];
}
