import { Injectable } from '@nestjs/common';
import { PartnerPaymentsCommands, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, type PaymentLinkCreated, type PaymentLinkRequest } from '@platform/p100-client';
import type { z } from 'zod';
import { MovementExecutor } from '../movements/movement-executor';

type PaymentLinkCommand = z.infer<typeof PartnerPaymentsCommands.generatePaymentLink.schema>;
type Product = 'payment-link' | 'hosted-checkout';

/**
 * A payment page for an EUR amount, as a movement of kind `payment-link` whatever the page:
 * P100's generic one or the partner's hosted checkout settle alike. The product is part of the
 * request's terms, so one Idempotency-Key cannot stand for a link and a checkout.
 */
function generate(executor: MovementExecutor, product: Product, create: (body: PaymentLinkRequest) => Promise<PaymentLinkCreated>, { requestId, ...input }: PaymentLinkCommand) {
  return executor.execute({
    kind: 'payment-link',
    requestId,
    terms: { product, ...input },
    externalUserId: null,
    amount: input.amount,
    currency: input.currency,
    operation: product === 'payment-link' ? 'generatePaymentLink' : 'generateHostedCheckout',
    call: async () => {
      const { paymentLinkId, url } = await create({
        amount: input.amount,
        currency: input.currency,
        ...(input.description ? { description: input.description } : {}),
        ...(input.redirectUrl ? { redirectUrl: input.redirectUrl } : {}),
      });
      return { p100Id: paymentLinkId, url };
    },
  });
}

/** P100-branded payment link: the payer pays any crypto, P100 converts and settles EUR to the partner. */
@Injectable()
export class GeneratePaymentLinkHandler implements CommandHandler<PaymentLinkCommand, MovementView> {
  readonly schema = PartnerPaymentsCommands.generatePaymentLink.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle(command: PaymentLinkCommand): Promise<MovementView> {
    return generate(this.executor, 'payment-link', (body) => this.p100.orders.generatePaymentLink(body), command);
  }
}

/** Hosted checkout: the same, on the page P100 keeps in the partner's configuration (branding, settlement rules). */
@Injectable()
export class GenerateHostedCheckoutHandler implements CommandHandler<PaymentLinkCommand, MovementView> {
  readonly schema = PartnerPaymentsCommands.generateHostedCheckout.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle(command: PaymentLinkCommand): Promise<MovementView> {
    return generate(this.executor, 'hosted-checkout', (body) => this.p100.orders.generateHostedCheckout(body), command);
  }
}
