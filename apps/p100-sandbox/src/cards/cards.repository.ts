import { query, queryOne, type Sql } from '../database/sql';
import type { CardRow, CardStatus } from './card';
import { CARD_LIMIT_FIELDS, LIMIT_COLUMNS, type CardLimits } from './card-limits';

const COLUMNS = `id, user_id, label, status, last4, exp, pin_hash, daily_trx_all::text, monthly_trx_all::text, daily_trx_atm::text,
                 monthly_trx_atm::text, daily_trx_ecom::text, monthly_trx_ecom::text, created_at`;

export interface NewCard {
  id: string;
  userId: string;
  label: string;
  last4: string;
  exp: string;
  pinHash: string;
  limits: CardLimits;
}

export async function insertCard(tx: Sql, card: NewCard): Promise<void> {
  await query(
    tx,
    `INSERT INTO cards (id, user_id, label, status, last4, exp, pin_hash, ${CARD_LIMIT_FIELDS.map((f) => LIMIT_COLUMNS[f]).join(', ')})
     VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [card.id, card.userId, card.label, card.last4, card.exp, card.pinHash, ...CARD_LIMIT_FIELDS.map((f) => card.limits[f])],
  );
}

/** A user's card that still exists (not DELETED); `lock` serialises changes and transactions of the card. */
export async function findLiveCard(db: Sql, userId: string, cardId: string, lock = false): Promise<CardRow | undefined> {
  if (!isUuid(cardId)) return undefined;
  return queryOne<CardRow>(
    db,
    `SELECT ${COLUMNS} FROM cards WHERE id = $1 AND user_id = $2 AND status <> 'DELETED'${lock ? ' FOR UPDATE' : ''}`,
    [cardId, userId],
  );
}

export async function findCardById(db: Sql, cardId: string, lock = false): Promise<CardRow | undefined> {
  if (!isUuid(cardId)) return undefined;
  return queryOne<CardRow>(db, `SELECT ${COLUMNS} FROM cards WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [cardId]);
}

export function listCards(db: Sql, userId: string): Promise<CardRow[]> {
  return query<CardRow>(db, `SELECT ${COLUMNS} FROM cards WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
}

export async function setCardStatus(db: Sql, cardId: string, status: CardStatus): Promise<void> {
  await query(db, `UPDATE cards SET status = $2, updated_at = now() WHERE id = $1`, [cardId, status]);
}

export async function setCardPinHash(db: Sql, cardId: string, pinHash: string): Promise<void> {
  await query(db, `UPDATE cards SET pin_hash = $2, updated_at = now() WHERE id = $1`, [cardId, pinHash]);
}

export async function setCardLimits(db: Sql, cardId: string, limits: Partial<CardLimits>): Promise<void> {
  const fields = CARD_LIMIT_FIELDS.filter((f) => limits[f] !== undefined);
  const sets = fields.map((f, i) => `${LIMIT_COLUMNS[f]} = $${i + 2}::numeric`);
  await query(db, `UPDATE cards SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [cardId, ...fields.map((f) => limits[f])]);
}

/** Cards that make suspension impossible (P454): ACTIVE ones. */
export async function countActiveCards(db: Sql, userId: string): Promise<number> {
  const row = await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM cards WHERE user_id = $1 AND status = 'ACTIVE'`, [userId]);
  return row?.n ?? 0;
}

export interface CardCounts {
  held: number;
  lastDay: number;
  last30Days: number;
  lastYear: number;
}

/** What the card count limits look at: cards held now, and cards created in the rolling windows. */
export async function cardCounts(db: Sql, userId: string): Promise<CardCounts> {
  const row = await queryOne<CardCounts>(
    db,
    `SELECT count(*) FILTER (WHERE status <> 'DELETED')::int AS held,
            count(*) FILTER (WHERE created_at > now() - interval '24 hours')::int AS "lastDay",
            count(*) FILTER (WHERE created_at > now() - interval '30 days')::int AS "last30Days",
            count(*) FILTER (WHERE created_at > now() - interval '12 months')::int AS "lastYear"
       FROM cards WHERE user_id = $1`,
    [userId],
  );
  return row!;
}

/** Card ids are uuids; anything else cannot name a card (and must not reach a uuid cast). */
function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
