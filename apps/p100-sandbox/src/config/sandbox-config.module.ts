import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { SandboxConfig } from './sandbox-config';
import { SANDBOX_CONFIG } from './sandbox-config.token';

/** Makes the validated configuration injectable everywhere as SANDBOX_CONFIG. */
@Global()
@Module({})
export class SandboxConfigModule {
  static forRoot(config: SandboxConfig): DynamicModule {
    return {
      module: SandboxConfigModule,
      providers: [{ provide: SANDBOX_CONFIG, useValue: config }],
      exports: [SANDBOX_CONFIG],
    };
  }
}
