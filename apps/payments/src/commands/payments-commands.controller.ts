import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandReply } from '@platform/contracts';
import { CommandDispatcher, kafkaTopic } from '@platform/kafka';
import { ListP100EventsQuery } from '@platform/p100-events';
import { LIST_P100_EVENTS, PAYMENTS_COMMANDS_TOPIC } from '../payments.topics';

/**
 * Answers the gateway on `payments.commands`. One topic carries every payments command; the
 * dispatcher routes by the envelope's `type`, so new use cases only add an entry here.
 */
@Controller()
export class PaymentsCommandsController {
  private readonly dispatcher: CommandDispatcher;

  constructor(listP100Events: ListP100EventsQuery) {
    this.dispatcher = new CommandDispatcher(PAYMENTS_COMMANDS_TOPIC, { [LIST_P100_EVENTS]: listP100Events });
  }

  @MessagePattern(kafkaTopic(PAYMENTS_COMMANDS_TOPIC))
  handle(@Payload() command: unknown, @Ctx() context: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatcher.dispatch(command, context);
  }
}
