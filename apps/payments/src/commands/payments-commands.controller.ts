import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { PartnerAccountCommands, PartnerPaymentsCommands, PaymentsCommands, ReconciliationCommands, type CommandReply } from '@platform/contracts';
import { CommandDispatcher, kafkaTopic } from '@platform/kafka';
import { p100ErrorToReply } from '@platform/p100-client';
import { ListP100EventsQuery } from '@platform/p100-events';
import { GetNetworkFeeHandler } from '../crypto/get-network-fee.handler';
import { PartnerSubmitTravelRuleHandler, SubmitTravelRuleHandler } from '../crypto/submit-travel-rule.handler';
import { PartnerWithdrawCryptoHandler, WithdrawCryptoHandler } from '../crypto/withdraw-crypto.handler';
import { ExecuteExchangeHandler, PartnerExecuteExchangeHandler } from '../exchange/execute-exchange.handler';
import { GetExchangeRatesHandler, PartnerGetExchangeRatesHandler } from '../exchange/get-exchange-rates.handler';
import { LockExchangeRateHandler, PartnerLockExchangeRateHandler } from '../exchange/lock-exchange-rate.handler';
import { GetLedgerHandler } from '../ledger/get-ledger.handler';
import { GetPartnerLedgerHandler } from '../ledger/get-partner-ledger.handler';
import { GetMovementHandler } from '../movements/get-movement.handler';
import { GetPartnerMovementHandler } from '../movements/get-partner-movement.handler';
import { CreateOrderHandler } from '../orders/create-order.handler';
import { GenerateHostedCheckoutHandler, GeneratePaymentLinkHandler } from '../orders/generate-payment-link.handlers';
import { GetOrderRatesHandler } from '../orders/get-order-rates.handler';
import { LockOrderRateHandler } from '../orders/lock-order-rate.handler';
import { LIST_P100_EVENTS, PAYMENTS_COMMANDS_TOPIC } from '../payments.topics';
import { CreatePartnerWalletHandler, GetPartnerBalancesHandler, GetPartnerTransactionHistoryHandler } from '../partner/partner-account.handlers';
import { ListDriftsHandler, RunReconciliationHandler } from '../reconciliation/reconciliation-commands.handlers';
import { GetSepaContactsHandler, GetSepaDepositInfoHandler, PartnerGetSepaContactsHandler, PartnerGetSepaDepositInfoHandler } from '../sepa/sepa-deposit-info.handlers';
import { PartnerSendSepaTransferHandler, SendSepaTransferHandler } from '../sepa/send-sepa-transfer.handler';
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
    orderRates: GetOrderRatesHandler,
    orderLock: LockOrderRateHandler,
    order: CreateOrderHandler,
    paymentLink: GeneratePaymentLinkHandler,
    hostedCheckout: GenerateHostedCheckoutHandler,
    partnerMovement: GetPartnerMovementHandler,
    partnerLedger: GetPartnerLedgerHandler,
    listDrifts: ListDriftsHandler,
    runReconciliation: RunReconciliationHandler,
    partnerBalances: GetPartnerBalancesHandler,
    partnerHistory: GetPartnerTransactionHistoryHandler,
    partnerWallet: CreatePartnerWalletHandler,
    partnerRates: PartnerGetExchangeRatesHandler,
    partnerLock: PartnerLockExchangeRateHandler,
    partnerExchange: PartnerExecuteExchangeHandler,
    partnerDepositInfo: PartnerGetSepaDepositInfoHandler,
    partnerContacts: PartnerGetSepaContactsHandler,
    partnerSepaTransfer: PartnerSendSepaTransferHandler,
    partnerWithdraw: PartnerWithdrawCryptoHandler,
    partnerTravelRule: PartnerSubmitTravelRuleHandler,
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
        [PartnerPaymentsCommands.getOrderRates.type]: orderRates,
        [PartnerPaymentsCommands.lockOrderRate.type]: orderLock,
        [PartnerPaymentsCommands.createOrder.type]: order,
        [PartnerPaymentsCommands.generatePaymentLink.type]: paymentLink,
        [PartnerPaymentsCommands.generateHostedCheckout.type]: hostedCheckout,
        [PartnerPaymentsCommands.getPartnerMovement.type]: partnerMovement,
        [PartnerPaymentsCommands.getPartnerLedger.type]: partnerLedger,
        [PartnerPaymentsCommands.getExchangeRates.type]: partnerRates,
        [PartnerPaymentsCommands.lockExchangeRate.type]: partnerLock,
        [PartnerPaymentsCommands.executeExchange.type]: partnerExchange,
        [PartnerPaymentsCommands.getSepaDepositInfo.type]: partnerDepositInfo,
        [PartnerPaymentsCommands.getSepaContacts.type]: partnerContacts,
        [PartnerPaymentsCommands.sendSepaTransfer.type]: partnerSepaTransfer,
        [PartnerPaymentsCommands.withdrawCrypto.type]: partnerWithdraw,
        [PartnerPaymentsCommands.submitTravelRule.type]: partnerTravelRule,
        [ReconciliationCommands.listDrifts.type]: listDrifts,
        [ReconciliationCommands.runReconciliation.type]: runReconciliation,
        [PartnerAccountCommands.getBalances.type]: partnerBalances,
        [PartnerAccountCommands.getTransactionHistory.type]: partnerHistory,
        [PartnerAccountCommands.createWallet.type]: partnerWallet,
      },
      p100ErrorToReply,
    );
  }

  @MessagePattern(kafkaTopic(PAYMENTS_COMMANDS_TOPIC))
  handle(@Payload() command: unknown, @Ctx() context: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatcher.dispatch(command, context);
  }
}
