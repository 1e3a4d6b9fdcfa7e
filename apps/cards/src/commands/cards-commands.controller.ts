import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandReply } from '@platform/contracts';
import { CommandDispatcher, kafkaTopic } from '@platform/kafka';
import { p100ErrorToReply } from '@platform/p100-client';
import { ListP100EventsQuery } from '@platform/p100-events';
import { CARDS_COMMANDS_TOPIC, LIST_P100_EVENTS } from '../cards.topics';
import { CardsCommandTable } from './cards-command-table';

/**
 * Answers the gateway on `cards.commands`: the commands of the `kafka` lane only. One that holds
 * a card secret (create, reveal, PIN) is not registered here and is answered as an unknown type:
 * the topic is a log kept for days, and such a command must never be served from it.
 */
@Controller()
export class CardsCommandsController {
  private readonly dispatcher: CommandDispatcher;

  constructor(listP100Events: ListP100EventsQuery, table: CardsCommandTable) {
    this.dispatcher = new CommandDispatcher(CARDS_COMMANDS_TOPIC, { [LIST_P100_EVENTS]: listP100Events, ...table.handlersFor('kafka') }, p100ErrorToReply);
  }

  @MessagePattern(kafkaTopic(CARDS_COMMANDS_TOPIC))
  handle(@Payload() command: unknown, @Ctx() context: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatcher.dispatch(command, context);
  }
}
