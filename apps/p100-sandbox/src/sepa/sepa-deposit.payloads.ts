import { normalize } from '../money/decimal';

export type IbanStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface SepaDepositRow {
  id: string;
  user_id: string | null;
  external_user_id: string | null;
  amount: string;
  currency: string;
  sender_name: string;
  sender_iban: string;
  title: string;
  status: IbanStatus;
  created_at: Date;
}

/** The partner's own deposits have no user: `externalUserId` is left out rather than null. */
const userField = (row: SepaDepositRow) => (row.external_user_id ? { externalUserId: row.external_user_id } : {});

/** IBAN Status webhook (openapi `WebhookIbanStatus`; field names inferred): `iban` is the sender's. */
export function ibanStatusPayload(row: SepaDepositRow, status: IbanStatus): Record<string, unknown> {
  return {
    ...userField(row),
    iban: row.sender_iban,
    amount: normalize(row.amount),
    currency: row.currency,
    status,
    createdAt: row.created_at.toISOString(),
  };
}

/** SEPA Deposit webhook, sent once the deposit is credited (proposed payload, webhooks.md, inferred). */
export function sepaDepositPayload(row: SepaDepositRow): Record<string, unknown> {
  return {
    id: row.id,
    ...userField(row),
    amount: normalize(row.amount),
    currency: row.currency,
    senderName: row.sender_name,
    senderIban: row.sender_iban,
    title: row.title,
    status: 'APPROVED',
    createdAt: row.created_at.toISOString(),
  };
}
