import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { query } from '../database/sql';
import { SUPPORTED_CRYPTO } from '../crypto/crypto-networks';
import { LedgerService } from '../ledger/ledger.service';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { findPaymentLink, paymentLinkWebhook, toPaymentLinkDetails, type PaymentLinkDetailsView } from './payment-link.view';
import { isUuid } from '../sepa/request-fields';

const payPaymentLinkRequest = z.object({
  /** The crypto the payer used; any is auto-converted to EUR, so it only shows in the record. */
  currency: z.enum(SUPPORTED_CRYPTO as [string, ...string[]]).default('usdc'),
});

/**
 * Admin: a payer completes the checkout. The crypto is auto-converted and the link's EUR amount
 * settled to the partner balance; the link is PAID and the Payment Link webhook goes out.
 */
@Injectable()
export class PayPaymentLinkHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async execute(paymentLinkId: string, body: unknown): Promise<PaymentLinkDetailsView> {
    const input = parseInput(payPaymentLinkRequest, body ?? {});
    return this.dataSource.transaction(async (tx) => {
      const link = isUuid(paymentLinkId) ? await findPaymentLink(tx, paymentLinkId, true) : undefined;
      if (!link) throw new NotFoundException(`Payment link ${paymentLinkId} does not exist`);
      if (link.status !== 'ACTIVE') throw new ConflictException(`Payment link is ${link.status}`);
      await query(tx, `UPDATE payment_links SET status = 'PAID', paid_currency = $2, next_step_at = NULL, updated_at = now() WHERE id = $1`, [
        link.id,
        input.currency,
      ]);
      await this.ledger.credit(tx, { owner: { kind: 'partner' }, currency: link.currency, amount: link.amount, reference: { type: 'payment-link', id: link.id } });
      await enqueueWebhook(tx, { event: 'payment-link', payload: paymentLinkWebhook(link, 'PAID') });
      return toPaymentLinkDetails({ ...link, status: 'PAID' });
    });
  }
}
