import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Poller } from './poller';

/**
 * A Nest provider that runs a Poller for the application's lifetime: started once the app is up,
 * stopped (after the tick in progress) before it shuts down, woken by request handlers that just
 * queued work. Subclasses only say what one tick does.
 */
export abstract class PolledWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly poller: Poller;

  protected constructor(pollIntervalMs: number) {
    this.logger = new Logger(new.target.name);
    this.poller = new Poller({
      intervalMs: pollIntervalMs,
      tick: () => this.tick(),
      onError: (error) => this.logger.error({ err: error }, 'tick failed'),
    });
  }

  /** Does the due work; answers ms until the next known due item, or null when none is known. */
  protected abstract tick(): Promise<number | null>;

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Looks for due work now (a request just queued some) instead of after the current sleep. */
  wake(): void {
    this.poller.wake();
  }
}
