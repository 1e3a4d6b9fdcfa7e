import type { CreateUserRequest, UploadFile } from '@platform/p100-client';
import { json, newUserBody } from '../../test/support/test-sandbox';
import type { ContractHarness } from './contract-harness';

export const jpeg = (name = 'front.jpg'): UploadFile => ({ filename: name, contentType: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });

/** A valid, unique Create User Account body. */
export const userInput = (overrides: Record<string, unknown> = {}) => newUserBody(overrides) as unknown as CreateUserRequest;

/** A user created through the client. */
export async function createdUser(h: ContractHarness, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = userInput(overrides);
  await h.client.users.create(input);
  return input.externalUserId;
}

/** A user whose KYC the sandbox approved: balances exist, user-status ACTIVE was delivered. */
export async function activeUser(h: ContractHarness): Promise<string> {
  const externalUserId = await createdUser(h);
  await h.client.users.addVerification({ externalUserId });
  await h.webhook('user-status', (body) => body.externalUserId === externalUserId);
  return externalUserId;
}

/** An externalUserId no user has. */
export const unknownUser = () => `no-such-user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Funds a user's (KYC approved) or, without `externalUserId`, the partner's balance through the admin API. */
export async function credit(h: ContractHarness, currency: string, amount: string, externalUserId?: string): Promise<void> {
  const owner = externalUserId === undefined ? { partner: true } : { externalUserId };
  const response = await h.sandbox.admin('/admin/ledger/credit', json({ ...owner, currency, amount }));
  if (response.status !== 200) throw new Error(`admin credit answered ${response.status}: ${await response.text()}`);
}

/** The month of today, as the history operations take it. */
export const thisMonth = () => ({ month: new Date().getUTCMonth() + 1, year: new Date().getUTCFullYear() });

/** The documented 401 of operations whose only documented error is Access Denied. */
export const ACCESS_DENIED = 'ACCESS_DENIED';
