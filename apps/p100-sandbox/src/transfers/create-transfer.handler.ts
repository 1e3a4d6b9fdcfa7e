import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { normalize } from '../money/decimal';
import { exactJsonBody } from '../money/exact-json';
import { requireUser } from '../users/require-user';
import { insertTransfer, type TransferKind } from './internal-transfers.repository';
import { internalTransferRequest, masterBalanceTransferRequest } from './transfer.request';
import { TransferSettlementWorker } from './transfer-settlement.worker';

/**
 * Create a Transfer (#48): partner ↔ one user, exactly one direction per call (user-to-user is
 * not supported by P100: both ids, like neither, is P424). Create transfer master balance (L3,
 * inferred): a top-up of the partner's balance. Both queue the transfer and answer its id;
 * funds are checked when the worker settles it.
 */
@Injectable()
export class CreateTransferHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: TransferSettlementWorker,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async internal(request: FastifyRequest): Promise<{ transferId: string }> {
    const input = parseP100Input(internalTransferRequest, exactJsonBody(request));
    const source = input.sourceExternalUserId;
    const destination = input.destinationExternalUserId;
    if ((source === undefined) === (destination === undefined)) throw new P100Error('P424');
    return this.queue(async (tx) => {
      const user = await requireUser(tx, (source ?? destination)!, { verified: true, notSuspended: true });
      return source !== undefined
        ? { kind: 'collection', sourceUserId: user.id, destinationUserId: null }
        : { kind: 'funding', sourceUserId: null, destinationUserId: user.id };
    }, input);
  }

  async masterBalance(request: FastifyRequest): Promise<{ transferId: string }> {
    const input = parseP100Input(masterBalanceTransferRequest, exactJsonBody(request));
    return this.queue(async () => ({ kind: 'master-balance', sourceUserId: null, destinationUserId: null }), input);
  }

  private async queue(
    parties: (tx: EntityManager) => Promise<{ kind: TransferKind; sourceUserId: string | null; destinationUserId: string | null }>,
    input: { amount: string; currency: string },
  ): Promise<{ transferId: string }> {
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const resolved = await parties(tx);
      await insertTransfer(tx, {
        id,
        ...resolved,
        currency: input.currency,
        amount: normalize(input.amount),
        delayMs: scaled(this.config, this.config.moneyProcessingDelayMs),
      });
    });
    this.worker.wake();
    return { transferId: id };
  }
}
