import { ConfigError } from '@platform/config';

/**
 * The one way a service's `main` starts: load the configuration and boot, and on failure exit 1
 * with what the operator needs. A ConfigError names every missing or invalid variable, which is
 * all there is to say; anything else (Postgres or Kafka unreachable) keeps its stack.
 */
export function runService(start: () => Promise<unknown>): Promise<void> {
  // Through a promise, so a configuration error thrown synchronously is reported the same way.
  return Promise.resolve()
    .then(start)
    .then(() => undefined)
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    });
}
