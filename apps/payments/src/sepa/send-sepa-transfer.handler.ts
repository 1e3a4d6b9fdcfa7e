import { Injectable } from '@nestjs/common';
import { PaymentsCommands, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z } from 'zod';
import { MovementExecutor } from '../movements/movement-executor';

type SepaTransferCommand = z.infer<typeof PaymentsCommands.sendSepaTransfer.schema>;

/** Outgoing SEPA from a user's EUR balance; the IBAN's checksum was checked by the command schema. */
@Injectable()
export class SendSepaTransferHandler implements CommandHandler<SepaTransferCommand, MovementView> {
  readonly schema = PaymentsCommands.sendSepaTransfer.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle({ requestId, ...terms }: SepaTransferCommand): Promise<MovementView> {
    return this.executor.execute({
      kind: 'sepa-transfer',
      requestId,
      terms,
      externalUserId: terms.externalUserId,
      amount: terms.amount,
      currency: terms.currency,
      counterparty: terms.destinationIban,
      operation: 'createUserSepaTransfer',
      call: async () => {
        const receiver =
          terms.receiverType === 'INDIVIDUAL'
            ? { receiverType: 'NATURAL' as const, receiverFirstName: terms.receiverFirstName, receiverLastName: terms.receiverLastName }
            : terms.receiverType === 'COMPANY'
              ? { receiverType: 'LEGAL' as const, companyName: terms.companyName }
              : {};
        const { transferId } = await this.p100.sepa.createUserTransfer({
          sourceExternalUserId: terms.externalUserId,
          amount: terms.amount,
          currency: terms.currency,
          destinationIban: terms.destinationIban,
          transferTitle: terms.transferTitle,
          ...receiver,
        });
        return { p100Id: transferId };
      },
    });
  }
}
