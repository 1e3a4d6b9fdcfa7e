import { Injectable } from '@nestjs/common';
import { listDriftsSchema, runReconciliationSchema, type DriftsView, type ListDriftsInput, type ReconciliationRunView, type RunReconciliationInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { DriftsRepository } from './drifts.repository';
import { LedgerReconciliation } from './ledger-reconciliation';

/** Operators: the drifts found, newest first (open ones, or all). */
@Injectable()
export class ListDriftsHandler implements CommandHandler<ListDriftsInput, DriftsView> {
  readonly schema = listDriftsSchema;

  constructor(private readonly drifts: DriftsRepository) {}

  async handle({ includeResolved, limit }: ListDriftsInput): Promise<DriftsView> {
    return { drifts: await this.drifts.list(includeResolved, limit) };
  }
}

/** Operators: compare the ledger with P100 now instead of at the next scheduled run. */
@Injectable()
export class RunReconciliationHandler implements CommandHandler<RunReconciliationInput, ReconciliationRunView> {
  readonly schema = runReconciliationSchema;

  constructor(private readonly reconciliation: LedgerReconciliation) {}

  handle(): Promise<ReconciliationRunView> {
    return this.reconciliation.runOnce();
  }
}
