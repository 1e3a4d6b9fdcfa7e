import { dropSchema, uniqueSchema } from './test-database';
import { startTestSandbox, TEST_WEBHOOK_TOKEN, type TestSandbox } from './test-sandbox';
import { WebhookReceiver } from './webhook-receiver';

export interface SandboxFixtureOptions {
  /** Sandbox environment on top of the test defaults (see startTestSandbox). */
  env?: Record<string, string>;
  /** Starts a WebhookReceiver and points the sandbox's webhooks (URL and token) at it. */
  webhooks?: boolean;
  /** Boots the sandbox in beforeAll (default). Restart tests pass false and call start()/stop(). */
  boot?: boolean;
}

export interface SandboxFixture {
  /** The fresh schema of this test file; dropped after the last test. */
  schema: string;
  /** The running sandbox; usable from any hook or test once started, including after a restart. */
  sandbox: TestSandbox;
  /** The webhook receiver (only with `webhooks: true`). */
  receiver: WebhookReceiver;
  /** Boots a sandbox on the fixture's schema (again, after stop(): the restart of restart tests). */
  start(): Promise<TestSandbox>;
  stop(): Promise<void>;
}

/**
 * The one setup of the sandbox specs: call it at the top of a describe block. It registers the
 * hooks that boot a real sandbox on a fresh schema (and, if asked, a webhook receiver) before the
 * tests and tear all of it down after them.
 */
export function useTestSandbox(options: SandboxFixtureOptions = {}): SandboxFixture {
  const schema = uniqueSchema();
  const receiver = WebhookReceiver.create();
  let running: TestSandbox | undefined;

  const current = (): TestSandbox => {
    if (!running) throw new Error('the test sandbox is not running');
    return running;
  };
  const env = (): Record<string, string> => ({
    ...(options.webhooks ? { P100_SANDBOX_WEBHOOK_URL: receiver.url, P100_SANDBOX_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN } : {}),
    ...options.env,
  });
  const start = async (): Promise<TestSandbox> => {
    if (running) throw new Error('the test sandbox is already running');
    running = await startTestSandbox(schema, env());
    return running;
  };
  const stop = async (): Promise<void> => {
    const stopping = running;
    running = undefined;
    await stopping?.close();
  };

  /** Always the instance running now, so tests keep one reference across restarts. */
  const sandbox: TestSandbox = {
    get app() {
      return current().app;
    },
    get config() {
      return current().config;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    p100: (path, init) => current().p100(path, init),
    admin: (path, init) => current().admin(path, init),
    close: stop,
  };

  beforeAll(async () => {
    if (options.webhooks) await receiver.listen();
    if (options.boot !== false) await start();
  });

  afterAll(async () => {
    await stop();
    await receiver.close();
    await dropSchema(schema);
  });

  return { schema, sandbox, receiver, start, stop };
}
