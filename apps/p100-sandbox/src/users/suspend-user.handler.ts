import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countActiveCards } from '../cards/cards.repository';
import { query } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { requireUser } from './require-user';

/**
 * Suspend User: freezes deposits, withdrawals, exchanges and card transactions (requireUser's
 * `notSuspended`, P455). Refused with P454 while the user has an ACTIVE card: block or delete
 * the cards first (a blocked card is not "active" (inferred)). Suspending twice is harmless.
 * Answers `{}`: the docs say "200 (JSON body)" without fields.
 */
@Injectable()
export class SuspendUserHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId, { lock: true });
      if ((await countActiveCards(tx, user.id)) > 0) throw new P100Error('P454');
      await query(tx, `UPDATE users SET suspended_at = COALESCE(suspended_at, now()), updated_at = now() WHERE id = $1`, [user.id]);
    });
    return {};
  }
}
