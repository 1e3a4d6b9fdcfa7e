import { CRYPTO_CURRENCIES, cryptoCurrency, type CryptoCurrency, type NetworkConfigEntry } from '../ledger/currency-catalog';

export const SUPPORTED_CRYPTO = CRYPTO_CURRENCIES.map((c) => c.slug);

export interface CryptoNetwork {
  currency: CryptoCurrency;
  /** The `networkConfig` key: `btc`, `ethereum`, `polygon`, `ltc`. */
  network: string;
  config: NetworkConfigEntry;
}

/**
 * Picks the network of a crypto operation. Requests name it in either case (`ETHEREUM`, `polygon`,
 * reference.md); when omitted, a multi-network token goes over Ethereum ("usdc/usdt default to
 * Ethereum") and a single-network coin over its own network.
 */
export function resolveNetwork(slug: string, requested: string | undefined): CryptoNetwork | undefined {
  const currency = cryptoCurrency(slug);
  if (!currency) return undefined;
  const keys = Object.keys(currency.networkConfig);
  const network = requested?.toLowerCase() ?? (keys.includes('ethereum') ? 'ethereum' : keys[0]);
  const config = network === undefined ? undefined : currency.networkConfig[network];
  return config && network ? { currency, network, config } : undefined;
}

export function networksOf(slug: string): string[] {
  return Object.keys(cryptoCurrency(slug)?.networkConfig ?? {});
}

/** Testnet address formats (staging): bech32 or legacy base58 for btc/ltc, 20-byte hex for EVM. */
const ADDRESS_FORMATS: Record<CryptoCurrency['addressFamily'], RegExp> = {
  btc: /^(tb1[02-9ac-hj-np-z]{8,87}|[mn2][1-9A-HJ-NP-Za-km-z]{25,34})$/,
  ltc: /^(tltc1[02-9ac-hj-np-z]{8,87}|[mnQ][1-9A-HJ-NP-Za-km-z]{25,34})$/,
  evm: /^0x[0-9a-fA-F]{40}$/,
};

export function isValidAddress(currency: CryptoCurrency, address: string): boolean {
  return ADDRESS_FORMATS[currency.addressFamily].test(address);
}
