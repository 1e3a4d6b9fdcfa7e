import { newUserBody, pngFile } from '@platform/testing';
import { API_KEY, type FaultPlatform } from '../faults.harness';

/** One call to the gateway's REST API as the dev product service, outside any fault. */
export async function gatewayCall(platform: FaultPlatform, method: string, path: string, init: { body?: unknown; form?: FormData } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'x-api-key': API_KEY };
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${platform.gateway}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A call to the sandbox's admin API (its call log, ledger credits). */
export async function sandboxCall(platform: FaultPlatform, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${platform.sandbox}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}


/** Creates a user, uploads a KYC file, asks for verification and waits until the sandbox activated it. */
export async function onboardActiveUser(platform: FaultPlatform, externalUserId: string, timeoutMs = 30_000): Promise<void> {
  const created = await gatewayCall(platform, 'POST', '/v1/users', { body: newUserBody(externalUserId) });
  if (created.status !== 201) throw new Error(`creating ${externalUserId}: ${created.status} ${JSON.stringify(created.body)}`);
  const form = new FormData();
  form.append('files', pngFile('id.png'));
  const files = await gatewayCall(platform, 'POST', `/v1/users/${externalUserId}/kyc-files`, { form });
  if (files.status !== 202) throw new Error(`KYC files of ${externalUserId}: ${files.status} ${JSON.stringify(files.body)}`);
  const verification = await gatewayCall(platform, 'POST', `/v1/users/${externalUserId}/verification`);
  if (verification.status !== 202) throw new Error(`verification of ${externalUserId}: ${verification.status} ${JSON.stringify(verification.body)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const user = await gatewayCall(platform, 'GET', `/v1/users/${externalUserId}`);
    if (user.body?.status === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`${externalUserId} not ACTIVE within ${timeoutMs} ms: ${JSON.stringify(user.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
