import type { z } from 'zod';

/**
 * Networks per crypto currency (reference.md `networkConfig` keys) and a cheap address shape per
 * network, so an obvious typo is refused before a withdrawal reaches P100. Mainnet and testnet
 * forms are both accepted (staging runs on testnets); P100 still validates the address itself.
 */
export const CURRENCY_NETWORKS: Readonly<Record<string, readonly string[]>> = {
  btc: ['btc'],
  eth: ['ethereum'],
  ltc: ['ltc'],
  pol: ['polygon'],
  doge: ['dogecoin'],
  usdc: ['ethereum', 'polygon'],
  usdt: ['ethereum', 'polygon'],
  eurt: ['ethereum'],
};

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const BECH32 = '[02-9ac-hj-np-z]';
const ADDRESS_SHAPES: Readonly<Record<string, RegExp>> = {
  btc: new RegExp(`^((bc1|tb1|bcrt1)${BECH32}{8,87}|[13mn2]${BASE58}{25,34})$`),
  ltc: new RegExp(`^((ltc1|tltc1)${BECH32}{8,87}|[LM3mnQ2]${BASE58}{25,34})$`),
  dogecoin: new RegExp(`^[DA9n2]${BASE58}{25,34}$`),
  ethereum: /^0x[0-9a-fA-F]{40}$/,
  polygon: /^0x[0-9a-fA-F]{40}$/,
};

/** The network a withdrawal goes over: the one named, else the currency's first (usdc/usdt: Ethereum, as P100 defaults). */
export function resolveNetwork(currency: string, network: string | undefined): string | undefined {
  const networks = CURRENCY_NETWORKS[currency];
  if (!networks) return undefined;
  const wanted = network?.toLowerCase() ?? networks[0];
  return wanted !== undefined && networks.includes(wanted) ? wanted : undefined;
}

/** Adds an issue naming `network` when the currency does not go over it; returns the network otherwise. */
export function checkNetwork(value: { currency: string; network?: string }, ctx: z.RefinementCtx): string | undefined {
  const network = resolveNetwork(value.currency, value.network);
  if (!network) {
    ctx.addIssue({ code: 'custom', path: ['network'], message: `UNSUPPORTED_NETWORK: ${value.currency} goes over ${(CURRENCY_NETWORKS[value.currency] ?? []).join(' or ') || 'no network'}` });
  }
  return network;
}

/** Adds issues naming `network` or `walletAddress` when they do not fit the currency. */
export function checkWithdrawalTarget(value: { currency: string; network?: string; walletAddress: string }, ctx: z.RefinementCtx): void {
  const network = checkNetwork(value, ctx);
  if (!network) return;
  const shape = ADDRESS_SHAPES[network];
  if (shape && !shape.test(value.walletAddress)) {
    ctx.addIssue({ code: 'custom', path: ['walletAddress'], message: `INVALID_ADDRESS: not a ${network} address` });
  }
}
