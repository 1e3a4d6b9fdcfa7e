import { randomBytes, randomInt } from 'node:crypto';
import type { CryptoCurrency } from '../ledger/currency-catalog';

const BECH32_CHARS = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/**
 * A deposit address in the right testnet format. Not derived from a key: nothing can be sent
 * to it on a real chain, which is exactly what a sandbox wants.
 */
export function generateWalletAddress(family: CryptoCurrency['addressFamily']): string {
  switch (family) {
    case 'evm':
      return `0x${randomBytes(20).toString('hex')}`;
    case 'btc':
      return `tb1q${bech32Chars(38)}`;
    case 'ltc':
      return `tltc1q${bech32Chars(38)}`;
  }
}

function bech32Chars(length: number): string {
  return Array.from({ length }, () => BECH32_CHARS[randomInt(BECH32_CHARS.length)]).join('');
}
