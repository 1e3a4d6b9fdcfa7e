export {
  CORRELATION_HEADER,
  currentCorrelationId,
  currentDeadline,
  enterCorrelation,
  newCorrelationId,
  runWithCorrelation,
  sanitizeCorrelationId,
} from './correlation';
export { LoggingModule, REDACTED_PATHS, safeDatabaseMessage, serializeError, type LoggingOptions } from './logging.module';
export { Logger, PinoLogger, InjectPinoLogger } from 'nestjs-pino';
