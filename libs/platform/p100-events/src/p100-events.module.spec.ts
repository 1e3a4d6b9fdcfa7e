import 'reflect-metadata';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { kafkaTopic } from '@platform/kafka';
import { P100EventsModule } from './p100-events.module';

describe('P100EventsModule.forRoot', () => {
  it("registers one Kafka consumer whose @EventPattern is the families' webhook topics", () => {
    const definition = P100EventsModule.forRoot({ families: ['exchange', 'sepa'], includePayloads: true });
    expect(definition.controllers).toHaveLength(1);
    const consumer = definition.controllers![0]!;
    expect(Reflect.getMetadata(PATTERN_METADATA, consumer.prototype.consume)).toEqual([kafkaTopic('p100.webhooks.exchange'), kafkaTopic('p100.webhooks.sepa')]);
  });

  it('creates a separate consumer class per service, so two definitions never share topics', () => {
    const payments = P100EventsModule.forRoot({ families: ['exchange'], includePayloads: true }).controllers![0]!;
    const cards = P100EventsModule.forRoot({ families: ['card'], includePayloads: false }).controllers![0]!;
    expect(payments).not.toBe(cards);
    expect(Reflect.getMetadata(PATTERN_METADATA, cards.prototype.consume)).toEqual([kafkaTopic('p100.webhooks.card')]);
  });

  it('refuses a definition without webhook families, which would consume nothing', () => {
    expect(() => P100EventsModule.forRoot({ families: [], includePayloads: true })).toThrow(/at least one webhook family/);
  });
});
