import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clearFaults } from './faults.repository';

@Injectable()
export class ClearFaultsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<{ cleared: true }> {
    await clearFaults(this.dataSource);
    return { cleared: true };
  }
}
