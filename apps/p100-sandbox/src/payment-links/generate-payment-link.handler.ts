import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { parseP100Input } from '../errors/parse-p100-input';
import { paymentLinkRequest, type PaymentLinkKind } from './payment-link.request';

/** openapi `PaymentLinkCreated` (inferred). */
export interface PaymentLinkCreated {
  paymentLinkId: string;
  url: string;
}

/** Where each kind of checkout lives under the configured checkout base URL (inferred). */
const URL_PATHS: Record<PaymentLinkKind, string> = { 'payment-link': 'pay', 'hosted-checkout': 'checkout' };

/**
 * Generate Payment Link (#20) and Generate Hosted Checkout (#21): an ACTIVE link for an EUR amount,
 * open for the payment window; the sandbox has no partner branding, so the two differ only in the
 * URL. Paying it is an admin trigger; an unpaid link expires (PaymentLinkWorker).
 */
@Injectable()
export class GeneratePaymentLinkHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(kind: PaymentLinkKind, body: unknown): Promise<PaymentLinkCreated> {
    const input = parseP100Input(paymentLinkRequest, body);
    const id = randomUUID();
    const url = `${this.config.checkoutBaseUrl}/${URL_PATHS[kind]}/${id}`;
    await query(
      this.dataSource,
      `INSERT INTO payment_links (id, kind, amount, currency, description, redirect_url, url, status, next_step_at)
       VALUES ($1, $2, $3::numeric, $4, $5, $6, $7, 'ACTIVE', ${dueIn('$8')})`,
      [id, kind, input.amount, input.currency, input.description ?? null, input.redirectUrl ?? null, url,
        scaled(this.config, this.config.paymentWindowMs)],
    );
    return { paymentLinkId: id, url };
  }
}
