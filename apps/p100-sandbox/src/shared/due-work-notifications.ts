import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Client } from 'pg';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { PolledWorker } from './polled-worker';

const CHANNEL = 'sandbox_due_work';
const RECONNECT_MS = 1_000;

/**
 * One LISTEN connection for every worker of the sandbox: a write to a queue table notifies
 * `<schema>.<table>` (migration 1764500000000), and the workers that take rows from that table
 * look at it at once. Workers find themselves here (every PolledWorker provider), so adding a
 * worker needs no wiring. While the connection is down the workers fall back to short polling.
 */
@Injectable()
export class DueWorkNotifications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DueWorkNotifications.name);
  private readonly workersByTable = new Map<string, PolledWorker[]>();
  private client?: Client;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const worker: unknown = wrapper.instance;
      if (!(worker instanceof PolledWorker)) continue;
      worker.useNotifications(this);
      for (const table of worker.wakeOnTables) {
        const key = `${this.config.schema}.${table}`;
        this.workersByTable.set(key, [...(this.workersByTable.get(key) ?? []), worker]);
      }
    }
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'p100-sandbox-due-work' });
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.logger.warn(`LISTEN ${CHANNEL} lost (${reason}); polling until it is back`);
      this.scheduleReconnect();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => {
      for (const worker of this.workersByTable.get(message.payload ?? '') ?? []) worker.wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      // Work queued while nobody listened: every worker looks once.
      for (const workers of this.workersByTable.values()) for (const worker of workers) worker.wake();
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`LISTEN ${CHANNEL} unavailable (${(error as Error).message}); polling until it is back`);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed) void this.connect();
    }, RECONNECT_MS);
  }
}
