import { z } from 'zod';
import { decimalSchema } from './money';

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

/**
 * A difference between the shadow ledger and what P100 says an account holds: money moved
 * behind the platform's back (or a movement settled wrong). Open until a later run finds the two
 * equal again.
 */
export const driftViewSchema = z.object({
  driftId: z.string(),
  /** null for the partner's own account. */
  externalUserId: z.string().nullable(),
  currency: z.string(),
  /** What the ledger has posted. */
  ledgerPosted: decimalSchema,
  /** What P100 holds. */
  p100Amount: decimalSchema,
  /** p100Amount − ledgerPosted. */
  difference: decimalSchema,
  detectedAt: isoTimestamp,
  resolvedAt: isoTimestamp.nullable(),
});
export type DriftView = z.infer<typeof driftViewSchema>;

export const driftsViewSchema = z.object({ drifts: z.array(driftViewSchema) });
export type DriftsView = z.infer<typeof driftsViewSchema>;

export const reconciliationRunViewSchema = z.object({
  /** Accounts compared with P100 (accounts with a movement under way wait for the next run). */
  accountsChecked: z.number().int(),
  accountsSkipped: z.number().int(),
  /** Drifts open after this run (new ones and ones still there). */
  drifts: z.array(driftViewSchema),
});
export type ReconciliationRunView = z.infer<typeof reconciliationRunViewSchema>;

/** REST sends query strings, gRPC typed values: both are taken. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const count = z.union([z.number(), z.string().regex(/^\d{1,4}$/, 'must be a whole number').transform(Number)]).pipe(z.number().int().min(1).max(500));

export const listDriftsSchema = z.strictObject({
  /** Open drifts only (default), or resolved ones too. */
  includeResolved: flag.default(false),
  limit: count.default(100),
});
export type ListDriftsInput = z.infer<typeof listDriftsSchema>;

export const runReconciliationSchema = z.strictObject({});
export type RunReconciliationInput = z.infer<typeof runReconciliationSchema>;

export const ReconciliationCommands = {
  listDrifts: { type: 'payments.list-drifts.v1', schema: listDriftsSchema },
  runReconciliation: { type: 'payments.run-reconciliation.v1', schema: runReconciliationSchema },
} as const;

export const ReconciliationEvents = {
  driftDetected: {
    type: 'payments.reconciliation.drift.v1',
    schema: driftViewSchema,
    description: 'The shadow ledger and P100 disagree on an account\'s balance in one currency (difference = P100 − ledger). Published once per new drift.',
  },
} as const;
