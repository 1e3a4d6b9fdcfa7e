import { Injectable } from '@nestjs/common';
import { PaymentsCommands, resolveNetwork, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z } from 'zod';
import { MovementExecutor } from '../movements/movement-executor';

type WithdrawCryptoCommand = z.infer<typeof PaymentsCommands.withdrawCrypto.schema>;

/**
 * Crypto payout from a user's balance. Never repeated after an ambiguous failure: a second send
 * would pay twice on chain, where nothing can be taken back.
 */
@Injectable()
export class WithdrawCryptoHandler implements CommandHandler<WithdrawCryptoCommand, MovementView> {
  readonly schema = PaymentsCommands.withdrawCrypto.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle({ requestId, ...terms }: WithdrawCryptoCommand): Promise<MovementView> {
    return this.executor.execute({
      kind: 'crypto-withdrawal',
      requestId,
      terms,
      externalUserId: terms.externalUserId,
      amount: terms.amount,
      currency: terms.currency,
      counterparty: terms.walletAddress,
      operation: 'createCryptoWithdrawal',
      call: async () => {
        const { withdrawalId } = await this.p100.crypto.createWithdrawal({
          sourceExternalUserId: terms.externalUserId,
          currency: terms.currency,
          amount: terms.amount,
          walletAddress: terms.walletAddress,
          network: resolveNetwork(terms.currency, terms.network),
          ...(terms.memo ? { memo: terms.memo } : {}),
          name: terms.recipientName,
          walletType: terms.walletType,
          receiverType: terms.receiverType,
        });
        return { p100Id: withdrawalId };
      },
    });
  }
}
