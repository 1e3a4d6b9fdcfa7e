import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { PaymentsCommands, type CommandReply } from '@platform/contracts';
import { CommandDispatcher, kafkaTopic } from '@platform/kafka';
import { p100ErrorToReply } from '@platform/p100-client';
import { ListP100EventsQuery } from '@platform/p100-events';
import { GetNetworkFeeHandler } from '../crypto/get-network-fee.handler';
import { SubmitTravelRuleHandler } from '../crypto/submit-travel-rule.handler';
import { WithdrawCryptoHandler } from '../crypto/withdraw-crypto.handler';
import { ExecuteExchangeHandler } from '../exchange/execute-exchange.handler';
import { GetExchangeRatesHandler } from '../exchange/get-exchange-rates.handler';
import { LockExchangeRateHandler } from '../exchange/lock-exchange-rate.handler';
import { GetLedgerHandler } from '../ledger/get-ledger.handler';
import { GetMovementHandler } from '../movements/get-movement.handler';
import { LIST_P100_EVENTS, PAYMENTS_COMMANDS_TOPIC } from '../payments.topics';
import { GetSepaContactsHandler, GetSepaDepositInfoHandler } from '../sepa/sepa-deposit-info.handlers';
import { SendSepaTransferHandler } from '../sepa/send-sepa-transfer.handler';
import { TransferFromPartnerHandler, TransferToPartnerHandler } from '../transfers/internal-transfer.handlers';

/**
 * Answers the gateway on `payments.commands`. One topic carries every payments command; the
 * dispatcher routes by the envelope's `type`, and P100's failures become stable platform codes.
 */
@Controller()
export class PaymentsCommandsController {
  private readonly dispatcher: CommandDispatcher;

  constructor(
    listP100Events: ListP100EventsQuery,
    rates: GetExchangeRatesHandler,
    lock: LockExchangeRateHandler,
    exchange: ExecuteExchangeHandler,
    toPartner: TransferToPartnerHandler,
    fromPartner: TransferFromPartnerHandler,
    depositInfo: GetSepaDepositInfoHandler,
    contacts: GetSepaContactsHandler,
    sepaTransfer: SendSepaTransferHandler,
    networkFee: GetNetworkFeeHandler,
    withdraw: WithdrawCryptoHandler,
    travelRule: SubmitTravelRuleHandler,
    movement: GetMovementHandler,
    ledger: GetLedgerHandler,
  ) {
    this.dispatcher = new CommandDispatcher(
      PAYMENTS_COMMANDS_TOPIC,
      {
        [LIST_P100_EVENTS]: listP100Events,
        [PaymentsCommands.getExchangeRates.type]: rates,
        [PaymentsCommands.lockExchangeRate.type]: lock,
        [PaymentsCommands.executeExchange.type]: exchange,
        [PaymentsCommands.transferToPartner.type]: toPartner,
        [PaymentsCommands.transferFromPartner.type]: fromPartner,
        [PaymentsCommands.getSepaDepositInfo.type]: depositInfo,
        [PaymentsCommands.getSepaContacts.type]: contacts,
        [PaymentsCommands.sendSepaTransfer.type]: sepaTransfer,
        [PaymentsCommands.getNetworkFee.type]: networkFee,
        [PaymentsCommands.withdrawCrypto.type]: withdraw,
        [PaymentsCommands.submitTravelRule.type]: travelRule,
        [PaymentsCommands.getMovement.type]: movement,
        [PaymentsCommands.getLedger.type]: ledger,
      },
      p100ErrorToReply,
    );
  }

  @MessagePattern(kafkaTopic(PAYMENTS_COMMANDS_TOPIC))
  handle(@Payload() command: unknown, @Ctx() context: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatcher.dispatch(command, context);
  }
}
