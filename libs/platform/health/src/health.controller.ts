import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ReadinessRegistry } from './readiness.registry';

const CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
  ) {}

  /** Liveness: the process answers. Never checks dependencies, so an outage does not restart us. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: Postgres and Kafka (and whatever else the service registered) are usable. */
  @Get()
  @HealthCheck()
  ready() {
    return this.runChecks();
  }

  @Get('ready')
  @HealthCheck()
  readyAlias() {
    return this.runChecks();
  }

  private runChecks() {
    return this.health.check(
      this.registry.list().map((c) => async () => {
        const session = this.indicators.check(c.name);
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS);
          return session.up();
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      }),
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}
