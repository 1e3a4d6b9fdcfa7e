import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clearWebhookDrops } from './webhook-drops.repository';

@Injectable()
export class ClearWebhookDropsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<{ cleared: true }> {
    await clearWebhookDrops(this.dataSource);
    return { cleared: true };
  }
}
