import { Injectable } from '@nestjs/common';
import { PartnerPaymentsCommands, PaymentsCommands, resolveNetwork, type MovementView, type PartnerCryptoWithdrawalInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z, ZodType } from 'zod';
import { ownerOf } from '../movements/movement';
import { MovementExecutor } from '../movements/movement-executor';

type WithdrawCryptoCommand = z.infer<typeof PaymentsCommands.withdrawCrypto.schema>;
type PartnerWithdrawCryptoCommand = z.infer<typeof PartnerPaymentsCommands.withdrawCrypto.schema>;

/**
 * Crypto payout from a user's balance or the partner's own (owner null). Never repeated after an
 * ambiguous failure: a second send would pay twice on chain, where nothing can be taken back.
 * Decorated too, so that Nest finds the constructor's parameter types the subclasses inherit.
 */
@Injectable()
abstract class CryptoPayout<C extends PartnerCryptoWithdrawalInput & { requestId: string }> implements CommandHandler<C, MovementView> {
  abstract readonly schema: ZodType<C>;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly p100: P100Client,
  ) {}

  handle(command: C): Promise<MovementView> {
    const { requestId, ...terms } = command;
    const externalUserId = ownerOf(command);
    return this.executor.execute({
      kind: 'crypto-withdrawal',
      requestId,
      terms,
      externalUserId,
      amount: terms.amount,
      currency: terms.currency,
      counterparty: terms.walletAddress,
      operation: externalUserId === null ? 'partnerCreateCryptoWithdrawal' : 'createCryptoWithdrawal',
      call: async () => {
        const withdrawal = {
          currency: terms.currency,
          amount: terms.amount,
          walletAddress: terms.walletAddress,
          network: resolveNetwork(terms.currency, terms.network),
          ...(terms.memo ? { memo: terms.memo } : {}),
          name: terms.recipientName,
          walletType: terms.walletType,
          receiverType: terms.receiverType,
        };
        const { withdrawalId } =
          externalUserId === null ? await this.p100.crypto.partnerCreateWithdrawal(withdrawal) : await this.p100.crypto.createWithdrawal({ sourceExternalUserId: externalUserId, ...withdrawal });
        return { p100Id: withdrawalId };
      },
    });
  }
}

/** A user's withdrawal. */
@Injectable()
export class WithdrawCryptoHandler extends CryptoPayout<WithdrawCryptoCommand> {
  readonly schema = PaymentsCommands.withdrawCrypto.schema;
}

/** The partner's withdrawal from its own balance. */
@Injectable()
export class PartnerWithdrawCryptoHandler extends CryptoPayout<PartnerWithdrawCryptoCommand> {
  readonly schema = PartnerPaymentsCommands.withdrawCrypto.schema;
}
