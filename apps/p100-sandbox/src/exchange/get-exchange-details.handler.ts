import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { P100ValidationError } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { exchangeView, type ExchangeView } from './exchange.view';
import { findExchange } from './exchanges.repository';

const exchangeIdParam = z.object({ exchangeId: z.uuid({ error: 'must be a UUID' }) });

/**
 * Retrieve Detailed Exchange Information (#7 partner, #39 user; one shared path). P100 documents
 * no code for an unknown exchange; the sandbox answers P403 naming the id (decision, README).
 */
@Injectable()
export class GetExchangeDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(exchangeId: string): Promise<ExchangeView> {
    parseP100Input(exchangeIdParam, { exchangeId });
    const row = await findExchange(this.dataSource, exchangeId);
    if (!row) throw new P100ValidationError([`exchangeId ${exchangeId} does not match any exchange`]);
    return exchangeView(row);
  }
}
