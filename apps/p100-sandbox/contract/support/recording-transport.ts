import { createUndiciTransport, type HttpTransport } from '@platform/p100-client';
import { createOperationMatcher, validateResponse, type ExchangeRecord, type P100Contract } from '@platform/p100-contract';

/** One request the client sent and what the sandbox answered, checked against openapi.yaml. */
export interface RecordedExchange extends ExchangeRecord {
  /** The body as on the wire (plain JSON.parse: numbers stay numbers), or the text. */
  body: unknown;
}

export interface RecordingTransport {
  /** Hand this to the P100 client (`deps.transport`): the production transport, tapped. */
  transport: HttpTransport;
  readonly exchanges: readonly RecordedExchange[];
  /** Requests that left the process, including those that got no answer. */
  readonly requestsSent: number;
}

/**
 * A tap between the real P100 client and the network. It sees exactly what the client sent and
 * what the sandbox answered (before the client's exact-decimal parsing), so every response is
 * validated against the contract as P100 would send it, and the operation is recognised from
 * the request itself rather than from what the test says it called.
 */
export function createRecordingTransport(contract: P100Contract): RecordingTransport {
  const match = createOperationMatcher(contract.operations);
  const exchanges: RecordedExchange[] = [];
  let requestsSent = 0;

  const record = (method: string, pathname: string, status: number, contentType: string, text: string) => {
    const body = parseBody(contentType, text);
    const operation = match(method, pathname);
    const errorCode = (body as { errorCode?: unknown } | undefined)?.errorCode;
    const check = operation
      ? validateResponse(operation.operationId, status, body)
      : { ok: false, problems: [`${method} ${pathname} is not an operation of openapi.yaml`] };
    exchanges.push({
      operationId: operation?.operationId ?? null,
      method,
      path: pathname,
      status,
      outcome: status >= 200 && status < 300 && typeof errorCode !== 'string' ? 'success' : 'error',
      errorCode: typeof errorCode === 'string' ? errorCode : undefined,
      ok: check.ok,
      problems: check.problems,
      body,
    });
  };

  const inner = createUndiciTransport();
  const transport: HttpTransport = {
    async send(request) {
      requestsSent += 1;
      const response = await inner.send(request);
      const text = await response.text();
      record(request.method.toUpperCase(), new URL(request.url).pathname, response.status, response.header('content-type') ?? '', text);
      return { status: response.status, header: (name) => response.header(name), text: async () => text };
    },
    close: () => inner.close(),
  };

  return {
    transport,
    exchanges,
    get requestsSent() {
      return requestsSent;
    },
  };
}

function parseBody(contentType: string, text: string): unknown {
  if (!contentType.includes('json')) return text;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // the schema check then reports a non-JSON body
  }
}
