import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { parseP100Input } from '../errors/parse-p100-input';
import { createWalletRequest } from './create-wallet.request';
import { insertPartnerWallet } from './partner-wallets.repository';
import { WalletCreationWorker } from './wallet-creation.worker';

/** Body of the 201 (not recovered from the docs; inferred). */
export interface CreateWalletView {
  id: string;
  currency: string;
  network: string;
  status: 'PENDING';
}

/** Create Wallet (#3, path and body inferred): asynchronous, completed by the Create Wallet webhook. */
@Injectable()
export class CreateWalletHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: WalletCreationWorker,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<CreateWalletView> {
    const { currency, network } = parseP100Input(createWalletRequest, body);
    const id = randomUUID();
    await insertPartnerWallet(this.dataSource, { id, currency, network, delayMs: scaled(this.config, this.config.moneyProcessingDelayMs) });
    this.worker.wake();
    return { id, currency, network, status: 'PENDING' };
  }
}
