import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query } from '../database/sql';
import { DueRowWorker, scheduledSteps, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { findPaymentLink, paymentLinkWebhook } from './payment-link.view';

/** Expires payment links still ACTIVE at the end of their payment window, with the webhook. */
@Injectable()
export class PaymentLinkWorker extends DueRowWorker {
  constructor(dataSource: DataSource, @Inject(SANDBOX_CONFIG) config: SandboxConfig) {
    super(dataSource, scheduledSteps('payment_links'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const link = await findPaymentLink(tx, id);
    if (link?.status !== 'ACTIVE') return;
    await query(tx, `UPDATE payment_links SET status = 'EXPIRED' WHERE id = $1`, [id]);
    await enqueueWebhook(tx, { event: 'payment-link', payload: paymentLinkWebhook(link, 'EXPIRED') });
  }
}
