import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, PartnerPaymentsCommands, PaymentsCommands, type MovementView, type PartnerTravelRuleInput } from '@platform/contracts';
import { IntentLog } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { classifyP100Failure, P100Client } from '@platform/p100-client';
import type { z, ZodType } from 'zod';
import { MovementSettlement } from '../movements/movement-settlement';
import { MovementsRepository } from '../movements/movements.repository';
import { ownerOf, toMovementView } from '../movements/movement';

type TravelRuleCommand = z.infer<typeof PaymentsCommands.submitTravelRule.schema>;
type PartnerTravelRuleCommand = z.infer<typeof PartnerPaymentsCommands.submitTravelRule.schema>;

/**
 * Travel-rule data for an incoming deposit P100 holds (HELD), a user's or the partner's (owner
 * null): P100 releases it for verification and the movement goes on to PROCESSING; the credit
 * comes with the Crypto Deposit webhook. Decorated too, so that Nest finds the constructor's
 * parameter types the subclasses inherit.
 */
@Injectable()
abstract class TravelRuleSubmission<C extends PartnerTravelRuleInput & { requestId: string }> implements CommandHandler<C, MovementView> {
  abstract readonly schema: ZodType<C>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly movements: MovementsRepository,
    private readonly settlement: MovementSettlement,
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
  ) {}

  async handle(command: C): Promise<MovementView> {
    const { requestId, ...terms } = command;
    const externalUserId = ownerOf(command);
    const deposit = await this.movements.getForOwner(externalUserId, terms.movementId);
    if (deposit.kind !== 'crypto-deposit') throw new DomainError('MOVEMENT_NOT_FOUND', `movement ${terms.movementId} is not a crypto deposit`, { field: 'movementId' });
    const intentKey = `travel-rule:${requestId}`;
    if (deposit.status !== 'HELD' && !(await this.intents.exists(intentKey))) {
      throw new DomainError('TRAVEL_RULE_NOT_REQUIRED', `deposit ${terms.movementId} is ${deposit.status}; P100 asks for travel-rule data only while it holds a deposit (HELD)`);
    }
    const data = { cryptoDepositId: deposit.p100_id!, name: terms.senderName, walletType: terms.walletType, senderType: terms.senderType };
    await this.intents.execute(
      intentKey,
      // P100 refuses a second update of a deposit no longer waiting for data, so a repeat is harmless.
      { operation: externalUserId === null ? 'partnerUpdateTravelRule' : 'updateTravelRule', request: terms, classify: classifyP100Failure, reattemptUnknown: true },
      () => (externalUserId === null ? this.p100.crypto.partnerUpdateTravelRule(data) : this.p100.crypto.updateTravelRule(data)),
    );
    return this.dataSource.transaction(async (manager) => {
      const locked = (await this.movements.lock(manager, deposit.id))!;
      const { movement } = await this.settlement.apply(manager, locked, { p100Id: deposit.p100_id!, p100Status: 'TRAVEL_RULE_SUBMITTED', status: 'PROCESSING' }, 'request');
      return toMovementView(movement);
    });
  }
}

/** For a user's held deposit. */
@Injectable()
export class SubmitTravelRuleHandler extends TravelRuleSubmission<TravelRuleCommand> {
  readonly schema = PaymentsCommands.submitTravelRule.schema;
}

/** For a held crypto deposit to the partner. */
@Injectable()
export class PartnerSubmitTravelRuleHandler extends TravelRuleSubmission<PartnerTravelRuleCommand> {
  readonly schema = PartnerPaymentsCommands.submitTravelRule.schema;
}
