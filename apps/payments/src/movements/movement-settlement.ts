import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PAYMENTS_EVENTS_TOPIC, settlementEventType, type MovementStatus } from '@platform/contracts';
import { enqueueEvent } from '@platform/database';
import { counter } from '@platform/metrics';
import { ShadowLedger } from '../ledger/shadow-ledger';
import { PAYMENTS_CONFIG, type PaymentsConfig } from '../payments.config';
import { isFinal, movesForward } from './movement-lifecycle';
import { MOVEMENT_COLUMNS, toMovementView, type MovementRow } from './movement';
import { INSERT_TRANSITION } from './movements.repository';
import type { SettlementReport } from './p100-record';

export type SettlementSource = 'request' | 'webhook' | 'poll';

const transitions = counter('payments_movement_transitions_total', 'Movement status changes, by kind, new status and who reported it', ['kind', 'status', 'source']);
const stale = counter('payments_movement_reports_ignored_total', 'Reports that would have moved a movement backwards or sideways (late webhooks, polls after a webhook)', ['kind', 'source']);

/**
 * The one way a movement changes after it was requested, whoever learnt of the change: the
 * request's own answer, a webhook, or the poller. Forward only; the status, the ledger and the
 * settlement event commit in the caller's transaction, so each happens once per status.
 */
@Injectable()
export class MovementSettlement {
  constructor(
    private readonly ledger: ShadowLedger,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  /** `movement` must be row-locked by the caller. Returns the movement as it is now, and whether it moved. */
  async apply(manager: EntityManager, movement: MovementRow, record: SettlementReport, source: SettlementSource): Promise<{ movement: MovementRow; moved: boolean }> {
    if (!movesForward(movement.status, record.status)) {
      if (record.status !== movement.status) stale.inc({ kind: movement.kind, source });
      return { movement: await this.fillIn(manager, movement, record), moved: false };
    }
    return { movement: (await this.move(manager, movement, record, source, false))!, moved: true };
  }

  /**
   * The same change for a movement the caller knows as `movement` but has not locked (the request's
   * own insert, before P100 answered): it applies only while the row still has that status, and the
   * UPDATE locks the row as it does. That saves the `SELECT … FOR UPDATE` round trip on the
   * request's path. Undefined when the row has moved meanwhile (a webhook or the poller came
   * first): then nothing was written, and the caller locks the row and calls `apply`.
   */
  async applyIfUnchanged(manager: EntityManager, movement: MovementRow, record: SettlementReport, source: SettlementSource): Promise<{ movement: MovementRow; moved: boolean } | undefined> {
    if (!movesForward(movement.status, record.status)) return undefined;
    const moved = await this.move(manager, movement, record, source, true);
    return moved ? { movement: moved, moved: true } : undefined;
  }

  /** The forward change: status, transition, ledger, settlement event. `unlessChanged`: only while the row has `movement.status`. */
  private async move(manager: EntityManager, movement: MovementRow, record: SettlementReport, source: SettlementSource, unlessChanged: boolean): Promise<MovementRow | undefined> {
    const to = record.status;
    const final = isFinal(to);
    // The new status and its transition row in one statement (one round trip on the request's path).
    const rows: MovementRow[] = await manager.query(
      `WITH moved AS (
       UPDATE movements SET status = $2, p100_id = COALESCE(p100_id, $3), p100_status = $4,
              amount_to = COALESCE($5::numeric, amount_to), currency_to = COALESCE($6, currency_to),
              fee = COALESCE($7::numeric, fee), fee_currency = COALESCE($8, fee_currency),
              counterparty = COALESCE(counterparty, $9), transaction_hash = COALESCE($10, transaction_hash), url = COALESCE(url, $15),
              failure_code = $11, failure_reason = $12, updated_at = now(),
              settled_at = CASE WHEN $13 THEN now() ELSE settled_at END,
              next_check_at = CASE WHEN $13 THEN NULL WHEN next_check_at IS NULL AND $14::bigint IS NOT NULL THEN now() + make_interval(secs => $14::bigint / 1000.0) ELSE next_check_at END
        WHERE id = $1${unlessChanged ? ' AND status = $16' : ''} RETURNING *
       ), transition AS (
         ${INSERT_TRANSITION} SELECT id, $16, status, $17, p100_status FROM moved
       )
       SELECT ${MOVEMENT_COLUMNS} FROM moved`,
      [
        movement.id,
        to,
        record.p100Id,
        record.p100Status,
        record.amountTo ?? null,
        record.currencyTo ?? null,
        record.fee ?? null,
        record.feeCurrency ?? null,
        record.counterparty ?? null,
        record.transactionHash ?? null,
        to === 'FAILED' ? failureCode(record) : null,
        to === 'FAILED' ? (record.failureReason ?? 'P100 reported the movement as failed') : null,
        final,
        this.firstCheckDelay(movement),
        record.url ?? null,
        movement.status,
        source,
      ],
    );
    const moved = rows[0];
    if (!moved) return undefined;
    await this.applyToLedger(manager, moved, to);
    const type = settlementEventType(moved.kind, to);
    if (type) {
      await enqueueEvent(manager, {
        // One event per movement and status: derived, so no path can publish it twice.
        eventId: derivedUuid(`${moved.id}:${to}`),
        topic: PAYMENTS_EVENTS_TOPIC,
        key: moved.external_user_id ?? moved.id,
        type,
        payload: toMovementView(moved),
      });
    }
    transitions.inc({ kind: moved.kind, status: to, source });
    return moved;
  }

  /**
   * A report that does not move the status may still tell what the movement lacks: P100's id
   * (a webhook claiming a movement whose answer was lost), an order's deposit address (assigned
   * while the order stays PENDING, and the payer needs it), a payment link's page. Only empty
   * fields are filled; nothing is published.
   */
  private async fillIn(manager: EntityManager, movement: MovementRow, record: SettlementReport): Promise<MovementRow> {
    const filled = { p100_id: movement.p100_id ?? record.p100Id, counterparty: movement.counterparty ?? record.counterparty ?? null, url: movement.url ?? record.url ?? null };
    if (filled.p100_id === movement.p100_id && filled.counterparty === movement.counterparty && filled.url === movement.url) return movement;
    await manager.query(`UPDATE movements SET p100_id = $2, counterparty = $3, url = $4, updated_at = now() WHERE id = $1`, [movement.id, filled.p100_id, filled.counterparty, filled.url]);
    return { ...movement, ...filled, updated_at: new Date() };
  }

  private async applyToLedger(manager: EntityManager, movement: MovementRow, to: MovementStatus): Promise<void> {
    if (to === 'COMPLETED') return this.ledger.post(manager, movement);
    if (to === 'FAILED') return this.ledger.release(manager, movement);
    // Deposits enter the ledger only once P100 credited them; our own movements hold their amount while under way.
    if (movement.request_id !== null) return this.ledger.hold(manager, movement);
  }

  /** Movements P100 can be asked about are polled once no webhook came for a while; deposits cannot. */
  private firstCheckDelay(movement: MovementRow): number | null {
    return movement.request_id === null ? null : this.config.PAYMENTS_POLL_AFTER_MS;
  }
}

/** Stable codes for why P100 failed a movement (the record's own when its status says); the reason keeps P100's words. */
function failureCode(record: SettlementReport): string {
  if (record.failureCode) return record.failureCode;
  return /insufficient/i.test(record.failureReason ?? '') ? 'INSUFFICIENT_FUNDS' : 'P100_FAILED';
}

function derivedUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
