import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { findUserByExternalId } from '../users/users.repository';
import { listJournal, type JournalEntry } from './journal.repository';

const journalQuery = z
  .object({
    externalUserId: z.string().min(1).optional(),
    partner: z.enum(['true', 'false']).optional(),
    currency: z.string().min(1).optional(),
    referenceType: z.string().min(1).optional(),
    referenceId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** Admin: ledger movements, oldest first, filtered by owner, currency and reference. */
@Injectable()
export class ListJournalHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(queryParams: unknown): Promise<{ entries: JournalEntry[] }> {
    const q = parseInput(journalQuery, queryParams);
    let userId: string | null | undefined;
    if (q.externalUserId !== undefined) {
      const user = await findUserByExternalId(this.dataSource, q.externalUserId);
      if (!user) throw new NotFoundException(`user ${q.externalUserId} does not exist`);
      userId = user.id;
    } else if (q.partner === 'true') {
      userId = null;
    }
    const entries = await listJournal(this.dataSource, {
      userId,
      currency: q.currency,
      referenceType: q.referenceType,
      referenceId: q.referenceId,
      limit: q.limit,
    });
    return { entries };
  }
}
