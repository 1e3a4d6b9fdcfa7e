import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseInput } from '@platform/service';
import { endpointGroup, faultSettings } from './fault-settings';
import { putFault } from './faults.repository';
import { toFaultView, type FaultView } from './fault.view';

/** Sets (replaces) the fault of one endpoint group. */
@Injectable()
export class PutFaultHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(group: string, body: unknown): Promise<FaultView> {
    const validGroup = parseInput(endpointGroup, group);
    const settings = parseInput(faultSettings, body);
    return toFaultView(await putFault(this.dataSource, validGroup, settings));
  }
}
