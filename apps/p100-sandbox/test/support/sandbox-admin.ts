import { createUser, json, type TestSandbox } from './test-sandbox';
import { eventually } from './webhook-receiver';

/** A user whose KYC was approved (default decision): ACTIVE, with zero balances in every currency. */
export async function createActiveUser(sandbox: TestSandbox, overrides: Record<string, unknown> = {}) {
  const user = await createUser(sandbox, overrides);
  const verified = await sandbox.p100('/v1/user/verification', json({ externalUserId: user.externalUserId, documentType: 'ID_CARD' }));
  if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
  await eventually(
    async () => {
      const balances = (await (await sandbox.p100(`/v1/user/balances/${user.externalUserId}`)).json()) as { fiatBalances: unknown[] };
      return balances.fiatBalances.length > 0 ? true : undefined;
    },
    5_000,
    'KYC approval',
  );
  return user;
}

/** Funds a balance through the admin API. */
export async function credit(sandbox: TestSandbox, target: { externalUserId: string } | { partner: true }, currency: string, amount: string) {
  const response = await sandbox.admin('/admin/ledger/credit', json({ ...target, currency, amount }));
  if (response.status !== 200) throw new Error(`credit answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { balance: string };
}

/** Sets the KYC decision the sandbox will take for the user (approve, reject, poa_required). */
export function setKycDecision(sandbox: TestSandbox, externalUserId: string, decision: string): Promise<Response> {
  return sandbox.admin(`/admin/users/${externalUserId}/kyc-decision`, { ...json({ decision }), method: 'PUT' });
}

/** The user's state as the admin API shows it (status, userId, ...). */
export async function userState(sandbox: TestSandbox, externalUserId: string): Promise<any> {
  return (await sandbox.admin(`/admin/users/${externalUserId}`)).json();
}
