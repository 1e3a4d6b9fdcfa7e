import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { attemptsOf, DELIVERY_STATUSES, listDeliveries } from '../webhooks/webhook-deliveries.repository';
import { toDeliveryView, type WebhookDeliveryView } from './webhook-delivery.view';

const listDeliveriesQuery = z.object({
  externalUserId: z.string().min(1).optional(),
  event: z.string().min(1).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The deliveries (oldest first) with every attempt, filtered by user, event and status. */
@Injectable()
export class ListWebhookDeliveriesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(rawQuery: unknown): Promise<{ deliveries: WebhookDeliveryView[] }> {
    const filter = parseInput(listDeliveriesQuery, rawQuery);
    const rows = await listDeliveries(this.dataSource, filter);
    const attempts = await attemptsOf(this.dataSource, rows.map((r) => r.id));
    return { deliveries: rows.map((row) => toDeliveryView(row, attempts)) };
  }
}
