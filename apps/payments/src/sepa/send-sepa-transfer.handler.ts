import { Injectable } from '@nestjs/common';
import { PartnerPaymentsCommands, PaymentsCommands, type MovementView, type PartnerSepaTransferInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z, ZodType } from 'zod';
import { ownerOf } from '../movements/movement';
import { MovementExecutor } from '../movements/movement-executor';

type SepaTransferCommand = z.infer<typeof PaymentsCommands.sendSepaTransfer.schema>;
type PartnerSepaTransferCommand = z.infer<typeof PartnerPaymentsCommands.sendSepaTransfer.schema>;

/**
 * Outgoing SEPA from a user's EUR balance or the partner's own (owner null); the IBAN's checksum
 * was checked by the command schema. Decorated too, so that Nest finds the constructor's
 * parameter types the subclasses inherit.
 */
@Injectable()
abstract class SepaPayout<C extends PartnerSepaTransferInput & { requestId: string }> implements CommandHandler<C, MovementView> {
  abstract readonly schema: ZodType<C>;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle(command: C): Promise<MovementView> {
    const { requestId, ...terms } = command;
    const externalUserId = ownerOf(command);
    return this.executor.execute({
      kind: 'sepa-transfer',
      requestId,
      terms,
      externalUserId,
      amount: terms.amount,
      currency: terms.currency,
      counterparty: terms.destinationIban,
      operation: externalUserId === null ? 'createPartnerSepaTransfer' : 'createUserSepaTransfer',
      call: async () => {
        const receiver =
          terms.receiverType === 'INDIVIDUAL'
            ? { receiverType: 'NATURAL' as const, receiverFirstName: terms.receiverFirstName, receiverLastName: terms.receiverLastName }
            : terms.receiverType === 'COMPANY'
              ? { receiverType: 'LEGAL' as const, companyName: terms.companyName }
              : {};
        const transfer = { amount: terms.amount, currency: terms.currency, destinationIban: terms.destinationIban, transferTitle: terms.transferTitle, ...receiver };
        const { transferId } =
          externalUserId === null ? await this.p100.sepa.createPartnerTransfer(transfer) : await this.p100.sepa.createUserTransfer({ sourceExternalUserId: externalUserId, ...transfer });
        return { p100Id: transferId };
      },
    });
  }
}

/** A user's payout. */
@Injectable()
export class SendSepaTransferHandler extends SepaPayout<SepaTransferCommand> {
  readonly schema = PaymentsCommands.sendSepaTransfer.schema;
}

/** The partner's payout from its own EUR balance. */
@Injectable()
export class PartnerSendSepaTransferHandler extends SepaPayout<PartnerSepaTransferCommand> {
  readonly schema = PartnerPaymentsCommands.sendSepaTransfer.schema;
}
