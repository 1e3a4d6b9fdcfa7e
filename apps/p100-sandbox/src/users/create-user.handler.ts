import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, uniqueViolation } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { POA_COUNTRIES } from './country-rules';
import { createUserRequest, type CreateUserResponse } from './create-user.request';
import { findUniquenessConflict } from './users.repository';

const CONFLICT_ERRORS = {
  externalUserId: () => new P100Error('P411'),
  email: () => new P100Error('P465'),
  phone: () => new P100Error('P464'),
} as const;

const CONSTRAINT_FIELDS: Record<string, keyof typeof CONFLICT_ERRORS> = {
  users_external_user_id_key: 'externalUserId',
  users_email_key: 'email',
  users_phone_key: 'phone',
};

/**
 * Create User Account: a KYC-track user waiting for KYC. Balances are not created here (newest
 * flow); they appear when the KYC decision approves the user.
 */
@Injectable()
export class CreateUserHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<CreateUserResponse> {
    const input = parseP100Input(createUserRequest, body);
    if (this.config.forbiddenCountries.has(input.country)) {
      throw new P100Error('P431', `Country ${input.country} is not supported`);
    }
    const conflict = await findUniquenessConflict(this.dataSource, input);
    if (conflict) throw CONFLICT_ERRORS[conflict]();

    const userId = randomUUID();
    const poaRequiredForExtended = POA_COUNTRIES.has(input.country);
    try {
      await query(
        this.dataSource,
        `INSERT INTO users (id, external_user_id, email, phone, first_name, last_name, street, number, city, post_code,
                            country, citizenship, nationality, birth_country, birth_date, user_identification_number,
                            poa_required_for_extended, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::date, $16, $17, 'WAITING_FOR_KYC')`,
        [
          userId,
          input.externalUserId,
          input.email,
          input.phone,
          input.firstName,
          input.lastName,
          input.street,
          input.number,
          input.city,
          input.postCode,
          input.country,
          input.citizenship,
          input.nationality,
          input.birthCountry,
          input.birthDate,
          input.userIdentificationNumber ?? null,
          poaRequiredForExtended,
        ],
      );
    } catch (error) {
      // Two concurrent creates both pass the check above; the unique indexes decide.
      const field = CONSTRAINT_FIELDS[uniqueViolation(error) ?? ''];
      if (field) throw CONFLICT_ERRORS[field]();
      throw error;
    }
    return { userId, poaRequiredForExtended };
  }
}
