import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query, queryOne, uniqueViolation } from '../database/sql';
import { P100Error, P100ValidationError } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { requireUser } from './require-user';
import { updateUserRequest, type UpdateUserRequest } from './update-user.request';

const COLUMNS: Record<keyof UpdateUserRequest, string> = {
  email: 'email',
  phone: 'phone',
  street: 'street',
  number: 'number',
  city: 'city',
  postCode: 'post_code',
};

/**
 * Update Existing User: a partial update of contact data. Email and phone stay unique across
 * users (P465 / P464, as at creation). Answers `{}` (body not retrieved (inferred)).
 */
@Injectable()
export class UpdateUserHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string, body: unknown): Promise<Record<string, never>> {
    const input = parseP100Input(updateUserRequest, body ?? {});
    const fields = (Object.keys(input) as (keyof UpdateUserRequest)[]).filter((k) => input[k] !== undefined);
    if (fields.length === 0) throw new P100ValidationError(['request body should contain at least one updatable field']);
    try {
      await this.dataSource.transaction(async (tx) => {
        const user = await requireUser(tx, externalUserId, { lock: true });
        const taken = await queryOne<{ email: boolean; phone: boolean }>(
          tx,
          `SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($2) AND id <> $1) AS email,
                  EXISTS (SELECT 1 FROM users WHERE phone = $3 AND id <> $1) AS phone`,
          [user.id, input.email ?? null, input.phone ?? null],
        );
        if (taken?.email) throw new P100Error('P465');
        if (taken?.phone) throw new P100Error('P464');
        const sets = fields.map((field, i) => `${COLUMNS[field]} = $${i + 2}`);
        await query(tx, `UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [user.id, ...fields.map((f) => input[f])]);
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'users_email_key') throw new P100Error('P465');
      if (constraint === 'users_phone_key') throw new P100Error('P464');
      throw error;
    }
    return {};
  }
}
