import { dueIn, query, queryOne, type Sql } from '../database/sql';

export interface PartnerWalletRow {
  id: string;
  currency: string;
  network: string;
  wallet: string | null;
  status: 'PENDING' | 'CREATED';
}

export async function insertPartnerWallet(db: Sql, wallet: { id: string; currency: string; network: string; delayMs: number }): Promise<void> {
  await query(
    db,
    `INSERT INTO partner_wallets (id, currency, network, status, due_at)
     VALUES ($1, $2, $3, 'PENDING', ${dueIn('$4')})`,
    [wallet.id, wallet.currency, wallet.network, wallet.delayMs],
  );
}

export async function findPartnerWallet(db: Sql, id: string): Promise<PartnerWalletRow | undefined> {
  return queryOne<PartnerWalletRow>(db, `SELECT id, currency, network, wallet, status FROM partner_wallets WHERE id = $1`, [id]);
}

export async function markWalletCreated(db: Sql, id: string, wallet: string): Promise<void> {
  await query(db, `UPDATE partner_wallets SET wallet = $2, status = 'CREATED' WHERE id = $1`, [id, wallet]);
}
