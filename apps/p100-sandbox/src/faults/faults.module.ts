import { Module } from '@nestjs/common';
import { ClearFaultsHandler } from './clear-faults.handler';
import { FaultInjectionHook } from './fault-injection.hook';
import { FaultsController } from './faults.controller';
import { ListFaultsHandler } from './list-faults.handler';
import { PutFaultHandler } from './put-fault.handler';
import { StandingFaultsWarning } from './standing-faults.warning';

@Module({
  controllers: [FaultsController],
  providers: [FaultInjectionHook, PutFaultHandler, ListFaultsHandler, ClearFaultsHandler, StandingFaultsWarning],
})
export class FaultsModule {}
