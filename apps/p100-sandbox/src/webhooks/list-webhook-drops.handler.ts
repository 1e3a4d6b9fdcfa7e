import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listWebhookDrops } from './webhook-drops.repository';
import { toWebhookDropView, type WebhookDropView } from './webhook-drop.view';

@Injectable()
export class ListWebhookDropsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<{ drops: WebhookDropView[] }> {
    return { drops: (await listWebhookDrops(this.dataSource)).map(toWebhookDropView) };
  }
}
