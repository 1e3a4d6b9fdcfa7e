import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { requireUser } from './require-user';

/** Unsuspend User: restores full access; harmless on a user who is not suspended. Answers `{}` (inferred). */
@Injectable()
export class UnsuspendUserHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId, { lock: true });
      await query(tx, `UPDATE users SET suspended_at = NULL, updated_at = now() WHERE id = $1`, [user.id]);
    });
    return {};
  }
}
