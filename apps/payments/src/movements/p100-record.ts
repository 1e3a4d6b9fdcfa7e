import type { MovementStatus } from '@platform/contracts';

/**
 * What P100 says about one movement, from a webhook or a details read, in our terms. Fields P100
 * did not send are left out and keep what the movement already has.
 */
export interface P100Record {
  p100Id: string;
  /** P100's own status word, kept for operators. */
  p100Status: string;
  status: MovementStatus;
  amount?: string;
  currency?: string;
  amountTo?: string;
  currencyTo?: string;
  fee?: string;
  feeCurrency?: string;
  counterparty?: string;
  transactionHash?: string | null;
  /** A payment link's page, as P100 created it. */
  url?: string;
  /** A stable code for why it failed, when P100's status says (UNDERPAID, EXPIRED); else derived from the reason. */
  failureCode?: string;
  failureReason?: string | null;
  externalUserId?: string | null;
}

/** P100 writes statuses in several spellings (COMPLETED, completed, SUCCESSFUL): compare upper-cased. */
export function p100Status(status: string, table: Record<string, MovementStatus>): MovementStatus | undefined {
  return table[status.toUpperCase()];
}

/** P100's `error: {description, status}`, as one line for failureReason. */
export function p100FailureReason(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const { description, status } = error as { description?: unknown; status?: unknown };
  const parts = [typeof description === 'string' ? description : null, typeof status === 'string' ? `(${status})` : null].filter(Boolean);
  return parts.length ? parts.join(' ').slice(0, 500) : null;
}

/** A P100 amount as a plain decimal string (our exact JSON decoding hands strings; numbers are refused upstream). */
export function decimalField(value: unknown): string | undefined {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  return undefined;
}

/** What settles a movement: a P100 record, or the poller's verdict that P100 has none (p100Id null, NO_TRACE_AT_P100). */
export type SettlementReport = Omit<P100Record, 'p100Id'> & { p100Id: string | null };
