import { randomBytes, randomUUID } from 'node:crypto';
import type { Answer } from './gateway-client';
import { HOLDER, HOLDER_IBAN } from './funded-users';

/** A money-moving command as a product service sends it: one route, one body, one Idempotency-Key. */
export interface MoneyCommand {
  /** The movement kind it starts (payments.movements.kind). */
  kind: string;
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string;
  /** The command's amount: unique per command, so P100's side can be matched to it by amount too. */
  amount: string;
}

/** The P100 endpoint groups these commands go through (the groups the faults are put on). */
export const MONEY_GROUPS = ['exchange', 'transfers', 'sepa', 'crypto'] as const;

export const ETH_ADDRESS = `0x${'5a'.repeat(20)}`;

/** "1.00" + n cents, as a decimal string (never through a float). */
const eur = (n: number) => `${1 + Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
/** 0.01 ETH + n × 0.000001. */
const eth = (n: number) => `0.${String(10_000 + n).padStart(6, '0')}`;

/** A German IBAN no one has used (valid mod-97 check digits): off the partner's contact list. */
export function freshIban(): string {
  const bban = Array.from(randomBytes(18), (b) => String(b % 10)).join('');
  const check = 98n - (BigInt(`${bban}131400`) % 97n);
  return `DE${String(check).padStart(2, '0')}${bban}`;
}

type Builder = (user: string, n: number, lockId: string | undefined) => Omit<MoneyCommand, 'idempotencyKey'>;

/**
 * The mixed load, one builder per kind. An exchange needs a rate lock first (`needsLock`);
 * the partner's SEPA payout goes to an IBAN off its contact list, so P100 takes it and fails it
 * by webhook (destination-not-allowed): a final status reached through P100 as well.
 */
export const COMMAND_KINDS: ReadonlyArray<{ name: string; needsLock?: true; build: Builder }> = [
  {
    name: 'exchange',
    needsLock: true,
    build: (user, n, lockId) => ({ kind: 'exchange', path: `/v1/users/${user}/exchanges`, amount: eur(n), body: { lockId, amount: eur(n), currencyFrom: 'eur', currencyTo: 'btc' } }),
  },
  { name: 'transfer-to-partner', build: (user, n) => ({ kind: 'transfer-to-partner', path: `/v1/users/${user}/transfers/to-partner`, amount: eur(n), body: { amount: eur(n), currency: 'eur' } }) },
  { name: 'transfer-from-partner', build: (user, n) => ({ kind: 'transfer-from-partner', path: `/v1/users/${user}/transfers/from-partner`, amount: eur(n), body: { amount: eur(n), currency: 'eur' } }) },
  {
    name: 'sepa-transfer',
    build: (user, n) => ({ kind: 'sepa-transfer', path: `/v1/users/${user}/sepa-transfers`, amount: eur(n), body: { amount: eur(n), destinationIban: HOLDER_IBAN, transferTitle: `faults ${n}` } }),
  },
  {
    name: 'crypto-withdrawal',
    build: (user, n) => ({
      kind: 'crypto-withdrawal',
      path: `/v1/users/${user}/crypto-withdrawals`,
      amount: eth(n),
      body: { currency: 'eth', amount: eth(n), walletAddress: ETH_ADDRESS, recipientName: HOLDER, walletType: 'NON_CUSTODIAL', receiverType: 'NATURAL' },
    }),
  },
  {
    name: 'partner-sepa-transfer',
    build: (_user, n) => ({ kind: 'sepa-transfer', path: '/v1/partner/sepa-transfers', amount: eur(n), body: { amount: eur(n), destinationIban: freshIban(), transferTitle: `faults ${n}` } }),
  },
];

export const newKey = (): string => randomUUID();

/** What an answer is, for the tallies: the status and, for a refusal, its stable code. */
export const outcomeOf = (answer: Answer): string => (answer.status < 300 ? String(answer.status) : `${answer.status} ${answer.body?.error?.code ?? '(no code)'}`);
