export interface SendResult {
  ok: boolean;
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/**
 * One attempt, as P100 makes it: POST the JSON body (exact text) with the partner's token in
 * `Authorization` (a plain shared secret, not a signature). Only a 2xx counts as delivered;
 * redirects are not followed.
 */
export async function sendWebhook(url: string, token: string | undefined, body: string, timeoutMs: number): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'p100-sandbox',
        ...(token ? { authorization: token } : {}),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, durationMs: elapsed(), ...(ok ? {} : { error: `HTTP ${response.status}` }) };
  } catch (error) {
    return { ok: false, error: describeFailure(error, timeoutMs), durationMs: elapsed() };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
