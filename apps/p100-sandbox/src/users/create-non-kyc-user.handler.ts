import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { generateUserBalances } from '../balances/generate-user-balances';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, uniqueViolation } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { createNonKycUserRequest } from './create-non-kyc-user.request';
import { nonKycBalancesOf, type NonKycBalanceView } from './non-kyc-balances.view';
import { findUniquenessConflict, findUserById } from './users.repository';

const CONFLICTS: Record<string, () => P100Error> = {
  users_external_user_id_key: () => new P100Error('P411'),
  users_email_key: () => new P100Error('P465'),
};

/**
 * Legacy non-KYC Create User (L1): the user is usable at once, with crypto balances and an eur
 * balance without IBAN (no KYC, so no personal IBAN (inferred)); such a user never gets cards
 * and cannot be upgraded to the KYC model.
 */
@Injectable()
export class CreateNonKycUserHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<{ userId: string; balances: NonKycBalanceView[] }> {
    const input = parseP100Input(createNonKycUserRequest, body);
    if (this.config.forbiddenCountries.has(input.country)) throw new P100Error('P431', `Country ${input.country} is not supported`);
    // This model has no phone; an empty one matches nobody.
    const conflict = await findUniquenessConflict(this.dataSource, { externalUserId: input.externalUserId, email: input.email, phone: '' });
    if (conflict === 'externalUserId') throw new P100Error('P411');
    if (conflict === 'email') throw new P100Error('P465');

    const userId = randomUUID();
    try {
      return await this.dataSource.transaction(async (tx) => {
        await query(
          tx,
          `INSERT INTO users (id, external_user_id, email, first_name, last_name, street, city, country, birth_country, birth_date,
                              user_identification_number, poa_required_for_extended, status, kyc_model)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, false, 'ACTIVE', 'non_kyc')`,
          [
            userId,
            input.externalUserId,
            input.email,
            input.firstName,
            input.lastName,
            input.address ?? null,
            input.city ?? null,
            input.country,
            input.birthCountry ?? null,
            input.birthDate ?? null,
            input.pesel ?? input.documentNumber ?? null,
          ],
        );
        const user = (await findUserById(tx, userId))!;
        await generateUserBalances(tx, user);
        await query(tx, `UPDATE balances SET iban = NULL WHERE user_id = $1 AND kind = 'fiat'`, [userId]);
        return { userId, balances: await nonKycBalancesOf(tx, userId) };
      });
    } catch (error) {
      const conflictError = CONFLICTS[uniqueViolation(error) ?? ''];
      if (conflictError) throw conflictError();
      throw error;
    }
  }
}
