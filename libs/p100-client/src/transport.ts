import { Agent, request } from 'undici';

/** One HTTP request as the client sends it: the URL is absolute, headers lower-case. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  signal: AbortSignal;
}

/** What the client reads of an answer. `text()` may be called once. */
export interface TransportResponse {
  status: number;
  /** A header's value (lower-case name), or undefined. */
  header(name: string): string | undefined;
  text(): Promise<string>;
}

/**
 * The client's port to the network. The production one is undici's `request` on a keep-alive
 * pool the client owns; tests may tap it (the contract harness records every exchange) or hand
 * the client a `fetch` instead.
 */
export interface HttpTransport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes idle connections; calls under way finish first. */
  close(): Promise<void>;
}

/** The code of the error a closed transport throws: the call never left the process. */
export const CLIENT_CLOSED = 'P100_CLIENT_CLOSED';

export interface UndiciTransportOptions {
  /** Connections per origin; the bulkheads bound calls per group, so this bounds sockets. Default 64. */
  connections?: number;
  /** How long an idle connection is kept for the next call. Default 4 s (below the usual 5 s of servers). */
  keepAliveTimeoutMs?: number;
}

/**
 * undici's `request` rather than `fetch`: the same HTTP/1.1 engine without the WHATWG layers
 * (Request, Headers, Response, web streams), about 60 µs less per call on the replay server
 * (docs/benchmarks.md), which is more than everything else the client does per call.
 * It never follows redirects (so x-api-key never goes to another host), and its idle sockets do
 * not keep the process alive.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): HttpTransport {
  const agent = new Agent({
    connections: options.connections ?? 64,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    // Our AbortController is the deadline of the whole call (connect, headers and body); undici's
    // own phase timers would only be a second, looser clock.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  // undici refuses a second close; the client's shutdown may run from several owners.
  let closing: Promise<void> | undefined;
  return {
    async send({ method, url, headers, body, signal }) {
      // Refused here, so that it is plainly never sent (undici's errors after close do not say).
      if (closing) throw Object.assign(new Error('the P100 client is closed'), { code: CLIENT_CLOSED });
      const payload = body instanceof FormData ? await encodeMultipart(body, headers) : body;
      const answer = await request(url, { dispatcher: agent, method: method as 'GET', headers, body: payload, signal });
      return {
        status: answer.statusCode,
        header: (name) => {
          const value = answer.headers[name];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        text: () => answer.body.text(),
      };
    },
    close: () => (closing ??= agent.close()),
  };
}

/**
 * The global FormData belongs to the undici inside Node, which this package's `request` does not
 * recognise as a form: encode it with the platform's own multipart encoder (the boundary comes
 * with the content type). Only KYC uploads (≤ 5 MB per file) are multipart, so buffering is fine.
 */
async function encodeMultipart(form: FormData, headers: Record<string, string>): Promise<Buffer> {
  const encoded = new Response(form);
  headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return Buffer.from(await encoded.arrayBuffer());
}

/** A `fetch` as the transport (tests that inject one, and callers that must use a global agent). */
export function fetchTransport(fetchImpl: typeof fetch): HttpTransport {
  return {
    async send({ method, url, headers, body, signal }) {
      // Never follow redirects: fetch would forward x-api-key to whatever host P100 points at.
      const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
      return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, text: () => response.text() };
    },
    close: async () => undefined,
  };
}
