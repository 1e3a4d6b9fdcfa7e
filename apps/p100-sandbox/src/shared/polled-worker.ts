import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Poller } from './poller';

/** While notifications cannot reach a worker, it looks at its tables this often. */
export const POLL_WITHOUT_NOTIFICATIONS_MS = 250;

/**
 * A Nest provider that runs a Poller for the application's lifetime: started once the app is up,
 * stopped (after the tick in progress) before it shuts down. It sleeps until its next due row,
 * and is woken when a row is written to one of `wakeOnTables` (DueWorkNotifications, Postgres
 * LISTEN/NOTIFY) or by a request handler that just queued work. `pollIntervalMs` is only the
 * safety net between notifications. Subclasses say what one tick does.
 */
export abstract class PolledWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly poller: Poller;
  private notifications?: { readonly listening: boolean };

  protected constructor(
    pollIntervalMs: number,
    /** The queue tables whose writes mean "look again". */
    readonly wakeOnTables: readonly string[],
  ) {
    this.logger = new Logger(new.target.name);
    this.poller = new Poller({
      intervalMs: () => (this.notifications?.listening ? pollIntervalMs : Math.min(pollIntervalMs, POLL_WITHOUT_NOTIFICATIONS_MS)),
      tick: () => this.tick(),
      onError: (error) => this.logger.error({ err: error }, 'tick failed'),
    });
  }

  /** Does the due work; answers ms until the next known due item, or null when none is known. */
  protected abstract tick(): Promise<number | null>;

  /** Called by DueWorkNotifications before the app starts: from then on, notifications wake us. */
  useNotifications(notifications: { readonly listening: boolean }): void {
    this.notifications = notifications;
  }

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
