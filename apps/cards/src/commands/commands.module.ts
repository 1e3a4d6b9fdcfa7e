import { Module } from '@nestjs/common';
import { P100EventsModule } from '../p100-events/p100-events.module';
import { CardsCommandsController } from './cards-commands.controller';

@Module({
  imports: [P100EventsModule],
  controllers: [CardsCommandsController],
})
export class CommandsModule {}
