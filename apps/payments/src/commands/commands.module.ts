import { Module } from '@nestjs/common';
import { P100EventsModule } from '../p100-events/p100-events.module';
import { PaymentsCommandsController } from './payments-commands.controller';

@Module({
  imports: [P100EventsModule],
  controllers: [PaymentsCommandsController],
})
export class CommandsModule {}
