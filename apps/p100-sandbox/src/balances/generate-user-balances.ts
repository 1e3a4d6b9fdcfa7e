import { randomUUID } from 'node:crypto';
import { query, type Sql } from '../database/sql';
import { CRYPTO_CURRENCIES, FIAT_CURRENCY } from '../ledger/currency-catalog';
import { IBAN_COUNTRIES } from '../users/country-rules';
import type { UserRow } from '../users/user';
import { generateIban } from './iban';
import { generateWalletAddress } from './wallet-address';

/**
 * The balances P100 generates when KYC succeeds: EUR, ACTIVE, with a personal IBAN for residents
 * of IBAN countries (null elsewhere), and one crypto balance per currency with an EVM wallet
 * shared by the EVM tokens. All amounts start at zero. Idempotent per (user, currency).
 */
export async function generateUserBalances(tx: Sql, user: UserRow): Promise<void> {
  const iban = IBAN_COUNTRIES.has(user.country) ? generateIban() : null;
  await query(
    tx,
    `INSERT INTO balances (id, user_id, kind, currency, decimals, status, iban)
     VALUES ($1, $2, 'fiat', $3, $4, 'ACTIVE', $5)
     ON CONFLICT (user_id, currency) DO NOTHING`,
    [randomUUID(), user.id, FIAT_CURRENCY.slug, FIAT_CURRENCY.decimals, iban],
  );
  const evmWallet = generateWalletAddress('evm');
  for (const currency of CRYPTO_CURRENCIES) {
    const wallet = currency.addressFamily === 'evm' ? evmWallet : generateWalletAddress(currency.addressFamily);
    await query(
      tx,
      `INSERT INTO balances (id, user_id, kind, currency, decimals, wallet)
       VALUES ($1, $2, 'crypto', $3, $4, $5)
       ON CONFLICT (user_id, currency) DO NOTHING`,
      [randomUUID(), user.id, currency.slug, currency.decimals, wallet],
    );
  }
}
