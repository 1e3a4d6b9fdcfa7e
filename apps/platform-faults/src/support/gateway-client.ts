import { API_KEY } from '../faults.harness';

export interface Answer {
  status: number;
  body: any;
}

/** One call to the gateway's REST edge as a product service makes it (the dev key, JSON). */
export async function gatewayCall(
  gateway: string,
  method: string,
  path: string,
  init: { body?: unknown; idempotencyKey?: string; form?: FormData } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'x-api-key': API_KEY };
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${gateway}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The sandbox's admin API (faults, deposits, credits): no P100 key, never faulted. */
export async function sandboxAdmin(sandbox: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${sandbox}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await probe();
  }
  return last;
}
