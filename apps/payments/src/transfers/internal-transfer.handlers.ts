import { Injectable } from '@nestjs/common';
import { PaymentsCommands, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z } from 'zod';
import { MovementExecutor } from '../movements/movement-executor';

type TransferCommand = z.infer<typeof PaymentsCommands.transferToPartner.schema>;

/** User → partner ("collection", e.g. the partner's own fees). */
@Injectable()
export class TransferToPartnerHandler implements CommandHandler<TransferCommand, MovementView> {
  readonly schema = PaymentsCommands.transferToPartner.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle({ requestId, ...terms }: TransferCommand): Promise<MovementView> {
    return this.executor.execute({
      kind: 'transfer-to-partner',
      requestId,
      terms,
      externalUserId: terms.externalUserId,
      amount: terms.amount,
      currency: terms.currency,
      operation: 'createInternalTransfer',
      call: async () => {
        const { transferId } = await this.p100.transfers.create({ sourceExternalUserId: terms.externalUserId, amount: terms.amount, currency: terms.currency });
        return { p100Id: transferId };
      },
    });
  }
}

/** Partner → user (e.g. a payout or a refund from the partner's balance). */
@Injectable()
export class TransferFromPartnerHandler implements CommandHandler<TransferCommand, MovementView> {
  readonly schema = PaymentsCommands.transferFromPartner.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle({ requestId, ...terms }: TransferCommand): Promise<MovementView> {
    return this.executor.execute({
      kind: 'transfer-from-partner',
      requestId,
      terms,
      externalUserId: terms.externalUserId,
      amount: terms.amount,
      currency: terms.currency,
      operation: 'createInternalTransfer',
      call: async () => {
        const { transferId } = await this.p100.transfers.create({ destinationExternalUserId: terms.externalUserId, amount: terms.amount, currency: terms.currency });
        return { p100Id: transferId };
      },
    });
  }
}
