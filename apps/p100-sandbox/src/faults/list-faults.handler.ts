import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listFaults } from './faults.repository';
import { toFaultView, type FaultView } from './fault.view';

@Injectable()
export class ListFaultsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<{ faults: FaultView[] }> {
    return { faults: (await listFaults(this.dataSource)).map(toFaultView) };
  }
}
