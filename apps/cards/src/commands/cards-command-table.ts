import { Injectable } from '@nestjs/common';
import { CardsCommands, type CardsLane } from '@platform/contracts';
import type { CommandHandler, CommandHandlers } from '@platform/kafka';
import { BlockCardHandler, DeleteCardHandler, UnblockCardHandler } from '../cards/change-card-status.handler';
import { CreateCardHandler } from '../cards/create-card.handler';
import { GetCardHandler } from '../cards/get-card.handler';
import { GetLimitsHandler } from '../cards/get-limits.handler';
import { ListCardsHandler } from '../cards/list-cards.handler';
import { RevealCardHandler } from '../cards/reveal-card.handler';
import { UpdateLimitsHandler } from '../cards/update-limits.handler';
import { UpdatePinHandler } from '../cards/update-pin.handler';

/**
 * Every cards command with its handler, and the lane the contract gives it: the Kafka dispatcher
 * and the secure lane each take their own lane's commands from here, so a command holding a PIN
 * or answering a card number cannot be served from Kafka by mistake (nor the other way round).
 */
@Injectable()
export class CardsCommandTable {
  private readonly handlers: Record<keyof typeof CardsCommands, CommandHandler>;

  constructor(
    createCard: CreateCardHandler,
    listCards: ListCardsHandler,
    getCard: GetCardHandler,
    revealCard: RevealCardHandler,
    updatePin: UpdatePinHandler,
    blockCard: BlockCardHandler,
    unblockCard: UnblockCardHandler,
    getLimits: GetLimitsHandler,
    updateLimits: UpdateLimitsHandler,
    deleteCard: DeleteCardHandler,
  ) {
    this.handlers = { createCard, listCards, getCard, revealCard, updatePin, blockCard, unblockCard, getLimits, updateLimits, deleteCard };
  }

  /** The handlers of one lane, by command type. */
  handlersFor(lane: CardsLane): CommandHandlers {
    const entries = Object.entries(CardsCommands) as Array<[keyof typeof CardsCommands, (typeof CardsCommands)[keyof typeof CardsCommands]]>;
    return Object.fromEntries(entries.filter(([, command]) => command.lane === lane).map(([name, command]) => [command.type, this.handlers[name]]));
  }

  /** The lane of a cards command type; undefined for a type that is not one. */
  static laneOf(type: string): CardsLane | undefined {
    return Object.values(CardsCommands).find((command) => command.type === type)?.lane;
  }
}
