import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, queryOne } from '../database/sql';
import { ledgerOwnerOf, LedgerService } from '../ledger/ledger.service';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { DueRowWorker, scheduledSteps, type DueRow } from '../shared/due-row.worker';
import { namesMatch } from './name-match';
import { ibanStatusPayload, sepaDepositPayload, type SepaDepositRow } from './sepa-deposit.payloads';

interface DepositCheckRow extends SepaDepositRow {
  holder_name: string | null;
  suspended: boolean;
  expected_title: string;
}

/**
 * The first-party check of incoming SEPA deposits (IBAN Status workflow):
 * - APPROVED when the sender's name is the user's KYC name (the partner's own deposits are not
 *   name-checked, inferred): credit, `iban-status` APPROVED, then `sepa-deposit`. The sender IBAN
 *   joins the contact list only when the transfer carried the exact reference (#8: without it
 *   "the sender IBAN is not auto-whitelisted").
 * - REJECTED on a name mismatch or a suspended user (suspension blocks deposits): no credit (the
 *   refund goes back to the sender), `iban-status` REJECTED.
 */
@Injectable()
export class SepaDepositWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) config: SandboxConfig,
    private readonly ledger: LedgerService,
  ) {
    super(dataSource, scheduledSteps('sepa_deposits'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const deposit = await queryOne<DepositCheckRow>(
      tx,
      `SELECT d.id, d.user_id, u.external_user_id, d.amount::text AS amount, d.currency, d.sender_name, d.sender_iban, d.title,
              d.status, d.created_at, u.first_name || ' ' || u.last_name AS holder_name,
              (u.suspended_at IS NOT NULL OR u.deleted_at IS NOT NULL) AS suspended,
              COALESCE(u.id::text, (SELECT title::text FROM partner_sepa_account)) AS expected_title
         FROM sepa_deposits d LEFT JOIN users u ON u.id = d.user_id
        WHERE d.id = $1`,
      [id],
    );
    if (!deposit || deposit.status !== 'PENDING') return;

    const approved = deposit.user_id === null || (!deposit.suspended && namesMatch(deposit.sender_name, deposit.holder_name ?? ''));
    const status = approved ? 'APPROVED' : 'REJECTED';
    await query(tx, `UPDATE sepa_deposits SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    if (approved) {
      await this.ledger.credit(tx, {
        owner: ledgerOwnerOf(deposit.user_id),
        currency: deposit.currency,
        amount: deposit.amount,
        reference: { type: 'sepa-deposit', id },
      });
      if (deposit.title === deposit.expected_title) {
        await query(
          tx,
          `INSERT INTO sepa_contacts (id, user_id, iban, name) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT DO NOTHING`,
          [deposit.user_id, deposit.sender_iban, deposit.sender_name],
        );
      }
    }
    await enqueueWebhook(tx, { event: 'iban-status', payload: ibanStatusPayload(deposit, status) });
    if (approved) await enqueueWebhook(tx, { event: 'sepa-deposit', payload: sepaDepositPayload(deposit) });
    this.logger.log({ depositId: id, status }, 'SEPA deposit checked');
  }
}
