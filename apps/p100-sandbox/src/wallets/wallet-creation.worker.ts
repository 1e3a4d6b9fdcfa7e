import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { generateWalletAddress } from '../balances/wallet-address';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { cryptoCurrency } from '../ledger/currency-catalog';
import { setPartnerWallet } from '../ledger/partner-balances.repository';
import { DueRowWorker, pendingRows, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { findPartnerWallet, markWalletCreated } from './partner-wallets.repository';

/**
 * Creates requested partner wallets when due: a testnet address in the currency's format becomes
 * the partner balance's `wallet`, then the Create Wallet webhook (payload proposed in
 * webhooks.md: `{currency, network, wallet, status}`, status value inferred).
 */
@Injectable()
export class WalletCreationWorker extends DueRowWorker {
  constructor(dataSource: DataSource, @Inject(SANDBOX_CONFIG) config: SandboxConfig) {
    super(dataSource, pendingRows('partner_wallets'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const request = (await findPartnerWallet(tx, id))!;
    const address = generateWalletAddress(cryptoCurrency(request.currency)!.addressFamily);
    await markWalletCreated(tx, id, address);
    await setPartnerWallet(tx, request.currency, address);
    await enqueueWebhook(tx, {
      event: 'wallet-created',
      payload: { id, currency: request.currency, network: request.network, wallet: address, status: 'CREATED' },
    });
  }
}
