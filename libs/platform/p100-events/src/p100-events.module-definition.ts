import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { WebhookSpec } from '@platform/contracts';
import { P100_EVENTS_OPTIONS, type P100EventsModuleOptions } from './p100-events.options';
import { createP100WebhooksConsumer } from './p100-webhooks.consumer';

export interface P100EventsModuleExtras {
  /** The P100 webhook families the service consumes (one Kafka topic `p100.webhooks.<family>` each). */
  families: readonly WebhookSpec['family'][];
  /**
   * The host module declares the consumer itself (`createP100WebhooksConsumer(families)` in its
   * controllers) so that it can inject the host's P100_EVENT_EFFECT; default: this module does.
   */
  consumerInHost?: boolean;
}

// The families are an "extra" rather than an option: the consumer's @EventPattern topics must be
// known when the module is defined, while options may be resolved later (forRootAsync).
export const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<P100EventsModuleOptions>({ optionsInjectionToken: P100_EVENTS_OPTIONS })
  .setClassMethodName('forRoot')
  .setExtras<P100EventsModuleExtras>({ families: [] }, (definition, { families, consumerInHost }) => {
    if (families.length === 0) throw new Error('P100EventsModule needs at least one webhook family to consume');
    if (consumerInHost) return definition;
    return { ...definition, controllers: [...(definition.controllers ?? []), createP100WebhooksConsumer(families)] };
  })
  .build();
