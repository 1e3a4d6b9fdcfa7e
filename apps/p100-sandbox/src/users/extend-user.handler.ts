import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { query, queryOne } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { requireUser } from './require-user';

const extendUserRequest = z.looseObject({ externalUserId: z.string().min(1, 'should not be empty') });

/**
 * Extend user (L2, middle doc layout; path, body and rules (inferred)). Lifts a verified KYC user
 * to the "extended" level that Get Card Details checks (P461). Where the create-user answer said
 * `poaRequiredForExtended: true`, an approved proof of address is needed first (P460 otherwise).
 * Extending twice is harmless.
 */
@Injectable()
export class ExtendUserHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(body: unknown): Promise<Record<string, never>> {
    const { externalUserId } = parseP100Input(extendUserRequest, body);
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId, { lock: true, verified: true });
      if (user.kyc_model === 'non_kyc') throw new P100Error('P459', 'Users of the non-KYC model cannot be extended');
      if (user.poa_required_for_extended) {
        const approved = await queryOne(tx, `SELECT 1 FROM poa_verifications WHERE user_id = $1 AND status = 'APPROVED'`, [user.id]);
        if (!approved) throw new P100Error('P460', 'An approved proof of address is required to extend this user');
      }
      await query(tx, `UPDATE users SET extended_at = COALESCE(extended_at, now()), updated_at = now() WHERE id = $1`, [user.id]);
    });
    return {};
  }
}
