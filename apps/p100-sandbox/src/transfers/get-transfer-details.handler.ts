import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { P100ValidationError } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { findTransfer } from './internal-transfers.repository';
import { transferView, type TransferView } from './transfer.view';

const transferIdParam = z.object({ transferId: z.uuid({ error: 'must be a UUID' }) });

/** Get Transfer Details (#49). No code is documented for an unknown transfer: P403 (README). */
@Injectable()
export class GetTransferDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(transferId: string): Promise<TransferView> {
    parseP100Input(transferIdParam, { transferId });
    const row = await findTransfer(this.dataSource, transferId);
    if (!row) throw new P100ValidationError([`transferId ${transferId} does not match any transfer`]);
    return transferView(row);
  }
}
