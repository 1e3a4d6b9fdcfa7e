/**
 * The currencies a KYC user gets balances in, with the decimals P100 shows in balance strings
 * and the staging `networkConfig` (reference.md › Crypto). Values not in the docs are marked.
 */
/** Fees and minimums are exact decimal strings; `networkConfigView` writes them as JSON numbers. */
export interface NetworkConfigEntry {
  mainnet: boolean;
  name: string;
  withdrawal: { feeWithdrawal: string; minWithdrawal: string };
  deposit: { minDeposit: string };
}

export interface CryptoCurrency {
  slug: string;
  decimals: number;
  /** Which address format the deposit wallet has. */
  addressFamily: 'btc' | 'ltc' | 'evm';
  networkConfig: Readonly<Record<string, NetworkConfigEntry>>;
}

export const FIAT_CURRENCY = { slug: 'eur', decimals: 2 } as const;

const net = (name: string, feeWithdrawal: string, minWithdrawal: string, minDeposit: string): NetworkConfigEntry => ({
  mainnet: false,
  name,
  withdrawal: { feeWithdrawal, minWithdrawal },
  deposit: { minDeposit },
});

export const CRYPTO_CURRENCIES: readonly CryptoCurrency[] = [
  // btc: minimum withdrawal and deposit not documented (inferred).
  { slug: 'btc', decimals: 8, addressFamily: 'btc', networkConfig: { btc: net('test', '0.0003', '0.0001', '0') } },
  { slug: 'eth', decimals: 8, addressFamily: 'evm', networkConfig: { ethereum: net('sepolia', '0.003', '0.0006', '0') } },
  { slug: 'ltc', decimals: 8, addressFamily: 'ltc', networkConfig: { ltc: net('test', '0.002', '0.001', '0') } },
  { slug: 'pol', decimals: 8, addressFamily: 'evm', networkConfig: { polygon: net('amoy', '0.001', '0.00005', '0') } },
  {
    slug: 'usdc',
    decimals: 6,
    addressFamily: 'evm',
    networkConfig: { ethereum: net('sepolia', '10', '1', '5'), polygon: net('amoy', '0.5', '2', '0') },
  },
  // usdt: decimals and network values not documented; same as usdc (inferred).
  {
    slug: 'usdt',
    decimals: 6,
    addressFamily: 'evm',
    networkConfig: { ethereum: net('sepolia', '10', '1', '5'), polygon: net('amoy', '0.5', '2', '0') },
  },
];

export function cryptoCurrency(slug: string): CryptoCurrency | undefined {
  return CRYPTO_CURRENCIES.find((c) => c.slug === slug);
}

/** Decimals of every currency a balance can hold (fiat and crypto), or undefined when unknown. */
export function currencyDecimals(slug: string): number | undefined {
  return slug === FIAT_CURRENCY.slug ? FIAT_CURRENCY.decimals : cryptoCurrency(slug)?.decimals;
}

/** Every currency a balance can hold: fiat first, then crypto, as Get Balances lists them. */
export const MONEY_CURRENCIES: readonly string[] = [FIAT_CURRENCY.slug, ...CRYPTO_CURRENCIES.map((c) => c.slug)];
