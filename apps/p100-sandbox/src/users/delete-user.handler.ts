import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { requireUser } from './require-user';

/**
 * Delete User: permanent closure. The row stays (marked deleted) so ids, email and phone are
 * never reused and the journal keeps its owner; every operation then answers P412 for the user,
 * and the user's cards are DELETED (they can never be used again). Answers `{}` (inferred).
 */
@Injectable()
export class DeleteUserHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId, { lock: true });
      await query(tx, `UPDATE cards SET status = 'DELETED', updated_at = now() WHERE user_id = $1 AND status <> 'DELETED'`, [user.id]);
      await query(tx, `UPDATE users SET deleted_at = now(), updated_at = now() WHERE id = $1`, [user.id]);
    });
    return {};
  }
}
