import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PAYMENTS_EVENTS_TOPIC, ReconciliationEvents, type ReconciliationRunView } from '@platform/contracts';
import { enqueueEvent } from '@platform/database';
import { counter, gauge } from '@platform/metrics';
import { P100Client } from '@platform/p100-client';
import { PeriodicJob } from '@platform/service';
import { PAYMENTS_CONFIG, type PaymentsConfig } from '../payments.config';
import { DriftsRepository, type FoundDifference } from './drifts.repository';

const openDrifts = gauge('payments_ledger_drifts_open', 'Open differences between the shadow ledger and P100, by currency (alert: money moved behind the platform\'s back)', ['currency']);
const detected = counter('payments_ledger_drifts_detected_total', 'Drifts found by the reconciliation job, by currency', ['currency']);
const runs = counter('payments_reconciliation_runs_total', 'Reconciliation job runs, by outcome', ['outcome']);

/**
 * Compares the shadow ledger with P100, account by account: what the ledger has posted against
 * Get User Balances. An account with a movement under way is skipped for this run (its ledger
 * holds the movement as pending while P100 may have settled it already). Every new difference is
 * a drift row, a metric and a `payments.reconciliation.drift.v1` event, in one transaction.
 *
 * The partner's own account is not compared yet: P100 credits it with things the platform does
 * not see (fees of other products, funds the partner sends in), so it needs an opening balance
 * and P100's history to compare with (docs/payments.md, "Not built yet").
 */
@Injectable()
export class LedgerReconciliation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LedgerReconciliation');
  private readonly job: PeriodicJob;
  private running: Promise<ReconciliationRunView> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly drifts: DriftsRepository,
    private readonly p100: P100Client,
    @Inject(PAYMENTS_CONFIG) config: PaymentsConfig,
  ) {
    this.job = new PeriodicJob(config.PAYMENTS_RECONCILE_INTERVAL_MS, () => this.runOnce(), (error) => {
      runs.inc({ outcome: 'failed' });
      this.logger.warn({ reason: error.message }, 'reconciliation run failed; next run later');
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
    // An operator's run may still be under way.
    await this.running?.catch(() => undefined);
  }

  /** One run over every user account (an operator or a test asks; the timer does too). Runs never overlap. */
  runOnce(): Promise<ReconciliationRunView> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<ReconciliationRunView> {
    const accounts: Array<{ account: string; busy: boolean }> = await this.dataSource.query(
      `SELECT l.account, EXISTS (SELECT 1 FROM movements m WHERE m.external_user_id = substr(l.account, 6) AND m.status NOT IN ('COMPLETED', 'FAILED')) AS busy
         FROM (SELECT DISTINCT account FROM ledger_entries WHERE account LIKE 'user:%') l ORDER BY l.account`,
    );
    let checked = 0;
    let skipped = 0;
    for (const { account, busy } of accounts) {
      if (busy) {
        skipped += 1;
        continue;
      }
      try {
        await this.reconcile(account);
        checked += 1;
      } catch (error) {
        skipped += 1;
        this.logger.warn({ account, reason: (error as Error).message }, 'could not compare the account with P100; next run');
      }
    }
    const drifts = await this.drifts.list(false, 500);
    openDrifts.reset();
    for (const { currency, count } of await this.drifts.openCount()) openDrifts.set({ currency }, count);
    runs.inc({ outcome: 'completed' });
    return { accountsChecked: checked, accountsSkipped: skipped, drifts };
  }

  private async reconcile(account: string): Promise<void> {
    const externalUserId = account.slice('user:'.length);
    const balances = await this.p100.users.getBalances(externalUserId);
    const theirs = [...balances.fiatBalances, ...balances.cryptoBalances].map((b) => ({ currency: String(b.name).toLowerCase(), amount: String(b.amount) }));
    await this.dataSource.transaction(async (manager) => {
      // Compared in numeric: every currency the ledger knows, and any P100 holds that it does not.
      const found: FoundDifference[] = await manager.query(
        `WITH theirs AS (SELECT currency, amount FROM unnest($2::text[], $3::numeric[]) AS t(currency, amount)),
              ours AS (SELECT currency, COALESCE(sum(amount) FILTER (WHERE state = 'posted'), 0) AS posted FROM ledger_entries WHERE account = $1 AND state <> 'archived' GROUP BY currency)
         SELECT COALESCE(ours.currency, theirs.currency) AS currency,
                trim_scale(COALESCE(ours.posted, 0))::text AS "ledgerPosted",
                trim_scale(COALESCE(theirs.amount, 0))::text AS "p100Amount",
                trim_scale(COALESCE(theirs.amount, 0) - COALESCE(ours.posted, 0))::text AS difference
           FROM ours FULL JOIN theirs ON ours.currency = theirs.currency
          WHERE COALESCE(theirs.amount, 0) <> COALESCE(ours.posted, 0)`,
        [account, theirs.map((t) => t.currency), theirs.map((t) => t.amount)],
      );
      const opened = await this.drifts.record(manager, account, found);
      for (const drift of opened) {
        detected.inc({ currency: drift.currency });
        this.logger.warn({ externalUserId, currency: drift.currency, difference: drift.difference }, 'shadow ledger and P100 disagree');
        await enqueueEvent(manager, { topic: PAYMENTS_EVENTS_TOPIC, key: externalUserId, type: ReconciliationEvents.driftDetected.type, payload: drift });
      }
    });
  }
}
