import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listWebhookDrops } from '../webhooks/webhook-drops.repository';
import { listFaults } from './faults.repository';
import { standingFaultsWarning } from './standing-faults';

/** At start, warns (one line) about faults and webhook drops left in force; see standing-faults.ts. */
@Injectable()
export class StandingFaultsWarning implements OnApplicationBootstrap {
  private readonly logger = new Logger('SandboxStart');

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const [faults, drops] = await Promise.all([listFaults(this.dataSource), listWebhookDrops(this.dataSource)]);
      const warning = standingFaultsWarning(faults, drops);
      if (warning) this.logger.warn(warning);
    } catch (error) {
      // Only a warning is lost; the sandbox starts as it would have anyway.
      this.logger.warn({ err: error }, 'could not check for faults and webhook drops in force');
    }
  }
}
