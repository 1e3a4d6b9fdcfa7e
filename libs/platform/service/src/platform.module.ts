import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from '@platform/health';
import { LoggingModule } from '@platform/logging';
import { MetricsModule } from '@platform/metrics';

export interface PlatformModuleOptions {
  service: string;
  logLevel: string;
}

/** What every service has: JSON logs with correlation ids, /metrics and /health. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [LoggingModule.forRoot({ service: options.service, level: options.logLevel }), MetricsModule, HealthModule],
      exports: [LoggingModule, HealthModule],
    };
  }
}
