import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { parseInput } from '@platform/service';
import { unmatchableDrop, webhookDropEvent, webhookDropSettings } from './webhook-drop-settings';
import { putWebhookDrop } from './webhook-drops.repository';
import { toWebhookDropView, type WebhookDropView } from './webhook-drop.view';

/** Sets (replaces) the drop of one event, for every user or for one. */
@Injectable()
export class PutWebhookDropHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(rawEvent: string, body: unknown): Promise<WebhookDropView> {
    const { event } = parseInput(webhookDropEvent, { event: rawEvent });
    // No body at all means the defaults (the next webhook of the event, any user).
    const settings = parseInput(webhookDropSettings, body ?? {});
    const unmatchable = unmatchableDrop(event, settings);
    if (unmatchable) throw new DomainError('VALIDATION_FAILED', `externalUserId: ${unmatchable}`, { field: 'externalUserId' });
    return toWebhookDropView(await putWebhookDrop(this.dataSource, event, settings));
  }
}
