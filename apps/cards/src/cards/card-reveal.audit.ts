import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { counter } from '@platform/metrics';
import { p100ErrorToReply } from '@platform/p100-client';

export type RevealOutcome = 'revealed' | 'refused' | 'failed';

export interface RevealAttempt {
  cardId: string;
  externalUserId: string;
  caller: string;
}

const reveals = counter('cards_reveals_total', 'Card number reveals by outcome: revealed, refused (not the user\'s card, deleted, being created), failed (P100)', ['outcome']);

/**
 * Who asked to see a card's number, for which card, when, and how it ended: one row per attempt
 * (card_reveals). Never what was shown. A reveal is answered only once its row is written.
 */
@Injectable()
export class CardRevealAudit {
  constructor(private readonly dataSource: DataSource) {}

  async record(attempt: RevealAttempt, outcome: RevealOutcome, error?: unknown): Promise<void> {
    await this.dataSource.query('INSERT INTO card_reveals (card_id, external_user_id, caller, outcome, error_code) VALUES ($1, $2, $3, $4, $5)', [
      attempt.cardId,
      attempt.externalUserId,
      attempt.caller,
      outcome,
      error === undefined ? null : errorCode(error),
    ]);
    reveals.inc({ outcome });
  }
}

function errorCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  return p100ErrorToReply(error)?.code ?? 'INTERNAL';
}
