import { queryOne, type Sql } from '../database/sql';

/**
 * What the simulated KYC review concludes. `poa_required` stands for P100 classing the user as
 * high risk, which makes proof of address mandatory (FAQ).
 */
export const KYC_DECISIONS = ['approve', 'reject', 'poa_required'] as const;
export type KycDecision = (typeof KYC_DECISIONS)[number];

/** The admin's per-user override, else the sandbox default. */
export async function resolveKycDecision(db: Sql, externalUserId: string, fallback: KycDecision): Promise<KycDecision> {
  const row = await queryOne<{ decision: KycDecision }>(
    db,
    `SELECT decision FROM kyc_decision_overrides WHERE external_user_id = $1`,
    [externalUserId],
  );
  return row?.decision ?? fallback;
}

export async function setKycDecisionOverride(db: Sql, externalUserId: string, decision: KycDecision): Promise<void> {
  await queryOne(
    db,
    `INSERT INTO kyc_decision_overrides (external_user_id, decision) VALUES ($1, $2)
     ON CONFLICT (external_user_id) DO UPDATE SET decision = EXCLUDED.decision, updated_at = now()`,
    [externalUserId, decision],
  );
}
