import { WEBHOOK_CATALOG, parseJsonExact, webhookSpecByEvent } from '@platform/contracts';
import { P100Client, P100Error, webhookSchemaFor, type P100ClientConfig } from '@platform/p100-client';
import {
  defaultContractValidator,
  openapiWebhookNameForPath,
  writeRunRecords,
  type RouteRecord,
  type WebhookRecord,
} from '@platform/p100-contract';
import { Registry } from 'prom-client';
import { dropSchema, uniqueSchema } from '../../test/support/test-database';
import { startTestSandbox, TEST_API_KEY, TEST_WEBHOOK_TOKEN, type TestSandbox } from '../../test/support/test-sandbox';
import { WebhookReceiver, type ReceivedWebhook } from '../../test/support/webhook-receiver';
import { createRecordingTransport, type RecordedExchange, type RecordingTransport } from './recording-transport';
import { sandboxRouteTable } from './sandbox-routes';

export interface ContractHarness {
  sandbox: TestSandbox;
  receiver: WebhookReceiver;
  /** The real client, talking to the sandbox through the recording tap. */
  client: P100Client;
  /** The same client with a key the sandbox does not know: every call is answered 401. */
  wrongKeyClient: P100Client;
  tap: RecordingTransport;
  /** Runs `call`, which must reach `operationId` and get a 2xx that is valid against openapi.yaml. */
  expectSuccess<T>(operationId: string, call: () => Promise<T>): Promise<T>;
  /** Runs `call`, which must fail with P100 code `code` from `operationId`, its body valid against openapi.yaml. */
  expectError(operationId: string, code: string, call: () => Promise<unknown>): Promise<P100Error>;
  /** Waits for a webhook of catalog `event` matching `where`, and checks it against openapi.yaml. */
  webhook(event: string, where: (body: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra sandbox environment (P100_SANDBOX_*). */
  env?: Record<string, string>;
  /** Client settings; retries are off by default so every request is seen once. */
  client?: Partial<P100ClientConfig>;
}

/**
 * One sandbox in its own schema, a webhook receiver standing in for webhook-ingest, and the real
 * P100 client. On close it writes what it saw (responses, webhooks, the sandbox's route table) to
 * .runtime/contract for the coverage report, then drops the schema.
 */
export async function startContractHarness(tag: string, options: HarnessOptions = {}): Promise<ContractHarness> {
  const schema = uniqueSchema();
  const receiver = await WebhookReceiver.start();
  const sandbox = await startTestSandbox(schema, {
    P100_SANDBOX_WEBHOOK_URL: receiver.url,
    P100_SANDBOX_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN,
    ...options.env,
  });
  const routes: RouteRecord[] = sandboxRouteTable(sandbox.app);
  const validator = defaultContractValidator();
  const tap = createRecordingTransport(validator.contract);
  const client = new P100Client(
    { baseUrl: sandbox.baseUrl, apiKey: TEST_API_KEY, timeoutMs: 5_000, retry: { maxAttempts: 1 }, ...options.client },
    { registry: new Registry(), transport: tap.transport },
  );

  const wrongKeyClient = new P100Client(
    { baseUrl: sandbox.baseUrl, apiKey: 'not-the-partner-key', retry: { maxAttempts: 1 } },
    { registry: new Registry(), transport: tap.transport },
  );

  const exchangesOf = (from: number, operationId: string) => tap.exchanges.slice(from).filter((e) => e.operationId === operationId);

  return {
    sandbox,
    receiver,
    client,
    wrongKeyClient,
    tap,
    async expectSuccess(operationId, call) {
      const from = tap.exchanges.length;
      const result = await call();
      const [exchange] = exchangesOf(from, operationId).slice(-1);
      expect(describeExchange(exchange)).toEqual({ operationId, outcome: 'success', problems: [] });
      return result;
    },
    async expectError(operationId, code, call) {
      const from = tap.exchanges.length;
      const outcome = await call().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (!('error' in outcome)) throw new Error(`expected ${operationId} to fail with ${code}, it answered ${JSON.stringify(outcome.value)}`);
      const { error } = outcome;
      expect(error).toBeInstanceOf(P100Error);
      expect((error as P100Error).code).toBe(code);
      const [exchange] = exchangesOf(from, operationId).slice(-1);
      expect(describeExchange(exchange)).toEqual({ operationId, outcome: 'error', problems: [] });
      return error as P100Error;
    },
    async webhook(event, where) {
      const path = webhookSpecByEvent(event)?.path;
      if (!path) throw new Error(`unknown webhook event ${event}`);
      const webhook = await waitForWebhook(receiver, path, where);
      expect(webhook.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);
      expect(validator.validateWebhook(event, webhook.body)).toEqual({ ok: true, problems: [] });
      return webhook.body;
    },
    async close() {
      await client.close();
      await wrongKeyClient.close();
      await tap.transport.close();
      await sandbox.close();
      await receiver.close();
      const webhooks = receiver.received.map((w): WebhookRecord => {
        const name = openapiWebhookNameForPath(w.path);
        const check = name ? validator.validateWebhook(name, w.body) : { ok: false, problems: [`no openapi.yaml webhook is delivered to ${w.path}`] };
        // The client's typed payload must accept what the sandbox really sends, decoded exactly
        // as the platform decodes it (numbers as decimal strings).
        const typed = clientSchemaProblems(w);
        return { webhook: name ?? null, path: w.path, ok: check.ok && typed.length === 0, problems: [...check.problems, ...typed] };
      });
      writeRunRecords(tag, { exchanges: tap.exchanges.map(withoutBody), webhooks, sandboxRoutes: routes });
      await dropSchema(schema);
    },
  };
}

function describeExchange(exchange: RecordedExchange | undefined) {
  if (!exchange) return 'no request to this operation was recorded';
  return { operationId: exchange.operationId, outcome: exchange.outcome, problems: exchange.problems };
}

function withoutBody({ body: _body, ...record }: RecordedExchange) {
  return record;
}

async function waitForWebhook(receiver: WebhookReceiver, path: string, where: (body: Record<string, unknown>) => boolean, timeoutMs = 5_000): Promise<ReceivedWebhook> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = receiver.received.find((w) => w.path === path && where(w.body));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no webhook to ${path} matched within ${timeoutMs} ms (got ${receiver.received.map((w) => w.path).join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function clientSchemaProblems(webhook: ReceivedWebhook): string[] {
  const event = WEBHOOK_CATALOG.find((spec) => spec.path === webhook.path)?.event;
  const schema = event ? webhookSchemaFor(event) : undefined;
  if (!schema) return [`the client has no typed payload for ${webhook.path}`];
  const parsed = schema.safeParse(parseJsonExact(webhook.text));
  return parsed.success ? [] : parsed.error.issues.map((i) => `client schema ${event}: ${i.path.join('.') || '(body)'} ${i.message}`);
}
