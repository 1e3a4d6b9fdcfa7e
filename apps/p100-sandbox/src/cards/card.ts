/**
 * Card statuses: ACTIVE and LOCKED_BY_USER are documented; BLOCKED, SUSPENDED and DELETED come
 * from client code (inferred). The sandbox produces ACTIVE, BLOCKED (Block Card) and DELETED
 * (Delete Card, Delete User); LOCKED_BY_USER and SUSPENDED have no documented trigger here.
 */
export type CardStatus = 'ACTIVE' | 'LOCKED_BY_USER' | 'BLOCKED' | 'SUSPENDED' | 'DELETED';

/** What the sandbox keeps of a card: never the PAN, CVV or PIN in clear. */
export interface CardRow {
  id: string;
  user_id: string;
  label: string;
  status: CardStatus;
  last4: string;
  exp: string;
  pin_hash: string;
  daily_trx_all: string;
  monthly_trx_all: string;
  daily_trx_atm: string;
  monthly_trx_atm: string;
  daily_trx_ecom: string;
  monthly_trx_ecom: string;
  created_at: Date;
}
