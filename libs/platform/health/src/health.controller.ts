import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { runCheck } from './evaluate-readiness';
import { ReadinessRegistry } from './readiness.registry';

/** The part of the HTTP reply the readiness routes touch (Fastify's and Express's both have it). */
interface StatusReply {
  status(code: number): unknown;
}

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
  ready(@Res({ passthrough: true }) reply: StatusReply) {
    return this.runChecks(reply);
  }

  @Get('ready')
  @HealthCheck()
  readyAlias(@Res({ passthrough: true }) reply: StatusReply) {
    return this.runChecks(reply);
  }

  /**
   * Terminus reports "not ready" by throwing a 503 carrying the per-check report. Thrown, it would
   * reach the service's global error filter, which replaces the report with a generic error body
   * and logs every unready probe as a failed request; answered here, the 503 keeps the report.
   */
  private async runChecks(reply: StatusReply) {
    try {
      return await this.checkAll();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse();
    }
  }

  private checkAll() {
    return this.health.check(
      this.registry.list().map((c) => async () => {
        const session = this.indicators.check(c.name);
        const result = await runCheck(c);
        return result.up ? session.up() : session.down({ message: result.message });
      }),
    );
  }
}
