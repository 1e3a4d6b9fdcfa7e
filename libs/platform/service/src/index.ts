export { bootstrapService, type ServiceBootstrapOptions } from './bootstrap-service';
export { PlatformModule, type PlatformModuleOptions } from './platform.module';
export { MessagingModule, type MessagingModuleOptions } from './messaging.module';
export { HttpErrorFilter, sendHttpError, toHttpError, type ErrorBody } from './http-error.filter';
export { parseInput } from './parse-input';
export { kafkaSettingsFromEnv } from './kafka-settings-from-env';
export { runService } from './run-service';
export { PeriodicJob } from './periodic-job';
