import type { TestSandbox } from './support/test-sandbox';
import { eventually } from './support/webhook-receiver';

type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/** JSON.parse that keeps every number as its exact source text, to check amounts digit for digit. */
export function parseExact<T = any>(text: string): T {
  const reviver: SourceReviver = (_key, value, context) => (typeof value === 'number' ? context!.source : value);
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown) as T;
}

export async function exactJson<T = any>(response: Response): Promise<T> {
  return parseExact<T>(await response.text());
}

export { createActiveUser, credit } from './support/sandbox-admin';

/** One balance amount (exact string) of a user from Get User Balances. */
export async function userBalance(sandbox: TestSandbox, externalUserId: string, currency: string): Promise<string> {
  const body = await exactJson((await sandbox.p100(`/v1/user/balances/${externalUserId}`)) as Response);
  const all = [...body.fiatBalances, ...body.cryptoBalances] as Array<{ name: string; amount: string }>;
  return all.find((b) => b.name === currency)!.amount;
}

export async function partnerBalance(sandbox: TestSandbox, currency: string): Promise<string> {
  const body = await exactJson(await sandbox.p100('/v1/partner/balances'));
  const all = [...body.fiatBalances, ...body.cryptoBalances] as Array<{ name: string; amount: string }>;
  return all.find((b) => b.name === currency)!.amount;
}

/** Polls a details endpoint until the status is final. */
export async function settled(sandbox: TestSandbox, path: string, pending = 'PENDING'): Promise<any> {
  return eventually(
    async () => {
      const body = await exactJson(await sandbox.p100(path));
      return body.status !== pending ? body : undefined;
    },
    5_000,
    `${path} to settle`,
  );
}

export const jsonText = (text: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
