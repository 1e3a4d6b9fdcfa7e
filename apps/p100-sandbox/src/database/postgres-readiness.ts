import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from '@platform/health';

/** bootstrapService registers no readiness checks by itself; the sandbox depends on Postgres only. */
@Injectable()
export class PostgresReadiness implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.readiness.register({ name: 'postgres', check: async () => void (await this.dataSource.query('SELECT 1')) });
  }
}
