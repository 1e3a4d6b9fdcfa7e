import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { requireUser } from '../users/require-user';

/** openapi `SepaContactList` (shape inferred). */
export interface SepaContactList {
  contacts: Array<{ iban: string; name: string; createdAt: string }>;
}

/**
 * Get SEPA Deposit Contact List, partner (#9) and user (#41): the whitelisted IBANs, i.e. the
 * senders of APPROVED deposits, oldest first.
 */
@Injectable()
export class GetSepaContactsHandler {
  constructor(private readonly dataSource: DataSource) {}

  forPartner(): Promise<SepaContactList> {
    return this.list(null);
  }

  async forUser(externalUserId: string): Promise<SepaContactList> {
    const user = await requireUser(this.dataSource, externalUserId);
    return this.list(user.id);
  }

  private async list(userId: string | null): Promise<SepaContactList> {
    const rows = await query<{ iban: string; name: string; created_at: Date }>(
      this.dataSource,
      `SELECT iban, name, created_at FROM sepa_contacts WHERE user_id IS NOT DISTINCT FROM $1 ORDER BY created_at, iban`,
      [userId],
    );
    return { contacts: rows.map((r) => ({ iban: r.iban, name: r.name, createdAt: r.created_at.toISOString() })) };
  }
}
