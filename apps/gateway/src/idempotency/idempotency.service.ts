import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, statusForCode } from '@platform/contracts';
import { hashRequest } from '@platform/database';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/**
 * Beyond the gateway's own wait for a reply: a first request still `in_progress` after its wait
 * plus this cannot be running any more (its process died with it, e.g. SIGKILL or OOM).
 */
export const IN_PROGRESS_LEASE_MARGIN_MS = 5_000;

/**
 * 4xx answers that are not the request's outcome but "ask again": stored, they would be replayed
 * for ever. A domain service answers IDEMPOTENCY_REQUEST_IN_PROGRESS while its own record of the
 * request is still open (payments' movement REQUESTED after a crash, until its poller settles it);
 * stored here, that key answered 409 to every retry long after the movement had settled (found by
 * the SIGKILL fault scenario). Like a 5xx, such an answer frees the key.
 */
const NOT_FINAL: ReadonlySet<string> = new Set(['IDEMPOTENCY_REQUEST_IN_PROGRESS']);

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Idempotency-Key semantics for product services: the first request with a key runs, its answer
 * (success or a 4xx domain error) is stored, and a repeat gets the same answer without running
 * again. A repeat while the first is running gets 409; the same key with another body gets 422.
 * 5xx outcomes are not stored, so the caller may retry with the same key; nor is a domain
 * service's own "in progress" (NOT_FINAL).
 *
 * The first request holds its key for a lease: the longest it can run (GATEWAY_COMMAND_TIMEOUT_MS,
 * the wait for the domain service's reply) plus a margin. A gateway that dies mid-request leaves
 * its row `in_progress`; once the lease has passed, a repeat with the same request takes the key
 * over and runs it again. That is safe because what runs is a command the domain service
 * deduplicates (money movements carry `<caller>:<key>` as their requestId). Without the lease the
 * key stayed `in_progress` forever and every retry got 409 (found by the SIGKILL fault scenario).
 */
@Injectable()
export class IdempotencyService {
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'GATEWAY_COMMAND_TIMEOUT_MS'>,
  ) {
    this.leaseMs = config.GATEWAY_COMMAND_TIMEOUT_MS + IN_PROGRESS_LEASE_MARGIN_MS;
  }

  async run(caller: string, key: string | undefined, request: unknown, successStatus: number, fn: () => Promise<unknown>): Promise<StoredResponse> {
    if (key === undefined) return { status: successStatus, body: await fn() };
    if (!/^[A-Za-z0-9._:-]{1,255}$/.test(key)) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key: must be 1-255 characters of letters, digits, ".", "_", ":" or "-"');
    }
    const requestHash = hashRequest(request);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, state) VALUES ($1, $2, $3, 'in_progress')
       ON CONFLICT (caller, idempotency_key) DO UPDATE SET created_at = now()
         WHERE idempotency_keys.state = 'in_progress' AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.created_at < now() - make_interval(secs => $4::double precision / 1000)
       RETURNING idempotency_key`,
      [caller, key, requestHash, this.leaseMs],
    );
    if (inserted.length === 0) return this.replay(caller, key, requestHash);
    try {
      const body = await fn();
      await this.complete(caller, key, successStatus, body);
      return { status: successStatus, body };
    } catch (error) {
      const status = error instanceof DomainError ? statusForCode(error.code) : 500;
      if (error instanceof DomainError && status < 500 && !NOT_FINAL.has(error.code)) {
        await this.complete(caller, key, status, { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
      } else {
        await this.dataSource.query('DELETE FROM idempotency_keys WHERE caller = $1 AND idempotency_key = $2', [caller, key]);
      }
      throw error;
    }
  }

  private async replay(caller: string, key: string, requestHash: string): Promise<StoredResponse> {
    const [row] = await this.dataSource.query(
      'SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE caller = $1 AND idempotency_key = $2',
      [caller, key],
    );
    if (!row) throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'the first request with this key just failed; retry');
    if (row.request_hash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used with a different request');
    if (row.state !== 'completed') throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'a request with this Idempotency-Key is still in progress');
    return { status: row.response_status, body: row.response_body };
  }

  private async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4, completed_at = now()
       WHERE caller = $1 AND idempotency_key = $2`,
      [caller, key, status, JSON.stringify(body ?? null)],
    );
  }
}
