import { Injectable } from '@nestjs/common';
import { PaymentsCommands, type MovementKind, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z } from 'zod';
import { MovementExecutor } from '../movements/movement-executor';

type TransferCommand = z.infer<typeof PaymentsCommands.transferToPartner.schema>;

/**
 * P100's one transfer endpoint serves both directions: the user is its source (to the partner)
 * or its destination (from the partner); P100 has no user-to-user transfer. Decorated too, so
 * that Nest finds the constructor's parameter types the subclasses inherit.
 */
@Injectable()
abstract class InternalTransferHandler implements CommandHandler<TransferCommand, MovementView> {
  abstract readonly schema: typeof PaymentsCommands.transferToPartner.schema;
  protected abstract readonly kind: Extract<MovementKind, 'transfer-to-partner' | 'transfer-from-partner'>;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle({ requestId, ...terms }: TransferCommand): Promise<MovementView> {
    const { externalUserId, amount, currency } = terms;
    const parties = this.kind === 'transfer-to-partner' ? { sourceExternalUserId: externalUserId } : { destinationExternalUserId: externalUserId };
    return this.executor.execute({
      kind: this.kind,
      requestId,
      terms,
      externalUserId,
      amount,
      currency,
      operation: 'createInternalTransfer',
      call: async () => ({ p100Id: (await this.p100.transfers.create({ ...parties, amount, currency })).transferId }),
    });
  }
}

/** User → partner ("collection", e.g. the partner's own fees). */
@Injectable()
export class TransferToPartnerHandler extends InternalTransferHandler {
  readonly schema = PaymentsCommands.transferToPartner.schema;
  protected readonly kind = 'transfer-to-partner';
}

/** Partner → user (e.g. a payout or a refund from the partner's balance). */
@Injectable()
export class TransferFromPartnerHandler extends InternalTransferHandler {
  readonly schema = PaymentsCommands.transferFromPartner.schema;
  protected readonly kind = 'transfer-from-partner';
}
