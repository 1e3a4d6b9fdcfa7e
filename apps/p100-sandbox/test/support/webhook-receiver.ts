import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** The body as sent, for exact decoding (amounts as decimal strings). */
  text: string;
  receivedAt: number;
}

/** Decides the answer to one webhook: an HTTP status, optionally after a delay. */
export type Responder = (webhook: ReceivedWebhook) => { status: number; delayMs?: number };

/** A stand-in for our webhook-ingest: records every POST and answers as the test tells it. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private responder: Responder = () => ({ status: 200 });

  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const webhook: ReceivedWebhook = {
          path: req.url ?? '',
          headers: req.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          text,
          receivedAt: performance.now(),
        };
        this.received.push(webhook);
        const { status, delayMs = 0 } = this.responder(webhook);
        const timer = setTimeout(() => {
          if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
        }, delayMs);
        res.on('close', () => clearTimeout(timer));
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = WebhookReceiver.create();
    await receiver.listen();
    return receiver;
  }

  /** A receiver that does not listen yet (a fixture hands it out before its beforeAll runs). */
  static create(): WebhookReceiver {
    return new WebhookReceiver();
  }

  /** Listens on a free port of 127.0.0.1. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  matching(path: string, externalUserId: string): ReceivedWebhook[] {
    return this.received.filter((w) => w.path === path && w.body.externalUserId === externalUserId);
  }

  /** Resolves once `count` webhooks to `path` whose body satisfies `match` have arrived. */
  whenReceived(path: string, match: (body: Record<string, unknown>) => boolean, count = 1, timeoutMs = 5_000): Promise<ReceivedWebhook[]> {
    return eventually(
      async () => {
        const found = this.received.filter((w) => w.path === path && match(w.body));
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      `${count} webhook(s) to ${path}`,
    );
  }

  /** Resolves once `count` webhooks to `path` about the user have arrived. */
  async waitFor(path: string, externalUserId: string, count = 1, timeoutMs = 5_000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.matching(path, externalUserId);
      if (found.length >= count) return found;
      await sleep(10);
    }
    throw new Error(`expected ${count} webhook(s) to ${path} for ${externalUserId}, got ${this.matching(path, externalUserId).length}`);
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined), or fails after the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
