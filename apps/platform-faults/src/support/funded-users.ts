import { randomBytes } from 'node:crypto';
import { newUserBody, pngFile } from '@platform/testing';
import { eventually, gatewayCall, sandboxAdmin } from './gateway-client';

/** The KYC name of the users below: incoming SEPA must come from the account holder. */
export const HOLDER = 'Jan Kowalski';
/** The holder's own bank account: whitelisted by the first deposit from it, so payouts to it complete. */
export const HOLDER_IBAN = 'DE89370400440532013000';


function expectStatus(what: string, answer: { status: number; body: unknown }, status: number): void {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * A user onboarded through the gateway as the e2e tests do it (create, KYC file, verification,
 * ACTIVE), then funded: EUR by an incoming SEPA deposit from the holder's own IBAN (credited by
 * its webhook; it whitelists that IBAN for payouts), ETH credited at P100 directly.
 */
export async function fundedUser(gateway: string, sandbox: string, label: string, eur: string, eth: string): Promise<string> {
  const id = `faults-${label}-${randomBytes(4).toString('hex')}`;
  expectStatus('create user', await gatewayCall(gateway, 'POST', '/v1/users', { body: newUserBody(id) }), 201);
  const form = new FormData();
  form.append('files', pngFile('id.png'));
  expectStatus('kyc file', await gatewayCall(gateway, 'POST', `/v1/users/${id}/kyc-files`, { form }), 202);
  expectStatus('verification', await gatewayCall(gateway, 'POST', `/v1/users/${id}/verification`), 202);
  await eventually(() => gatewayCall(gateway, 'GET', `/v1/users/${id}`), (r) => r.body?.status === 'ACTIVE', 30_000, `${id} ACTIVE`);

  const info = await gatewayCall(gateway, 'GET', `/v1/users/${id}/sepa/deposit-info`);
  expectStatus('deposit info', info, 200);
  const deposit = await sandboxAdmin(sandbox, 'POST', '/admin/sepa/deposits', { externalUserId: id, amount: eur, senderName: HOLDER, senderIban: HOLDER_IBAN, title: info.body.title });
  expectStatus('sepa deposit', deposit, 201);
  expectStatus('eth credit', await sandboxAdmin(sandbox, 'POST', '/admin/ledger/credit', { externalUserId: id, currency: 'eth', amount: eth }), 200);
  await eventually(
    () => gatewayCall(gateway, 'GET', `/v1/users/${id}/ledger`),
    (r) => (r.body?.balances ?? []).some((b: { currency: string; posted: string }) => b.currency === 'eur' && !/^[0.]*$/.test(b.posted)),
    30_000,
    `${id} EUR deposit credited`,
  );
  return id;
}
