import {
  PAYMENTS_COMMANDS_TOPIC,
  PartnerAccountCommands,
  createPartnerWalletSchema,
  partnerBalancesViewSchema,
  partnerWalletViewSchema,
  transactionHistoryQuerySchema,
  transactionHistoryViewSchema,
  type CreatePartnerWalletInput,
  type PartnerAccountProto,
  type PartnerBalancesView,
  type PartnerWalletView,
  type TransactionHistoryQuery,
  type TransactionHistoryView,
} from '@platform/contracts';
import { z } from 'zod';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';
import { sendCommand, sendMovementCommand } from '../operations/command.handler';
import { defineOperation } from '../operations/operation';

const GRPC = 'PartnerAccountService';
/** The partner is one account: its calls stay in order with each other. */
const PARTNER_KEY = () => 'partner';

/** The partner's own account at P100 (payments service). */
export const PARTNER_ACCOUNT_OPERATIONS = [
  defineOperation<Record<string, never>, PartnerBalancesView>({
    name: 'partner.balances.get',
    tag: 'partner',
    summary: 'What P100 holds for the partner, per currency',
    scope: 'partner:read',
    idempotency: 'none',
    input: z.strictObject({}),
    output: partnerBalancesViewSchema,
    rest: { method: 'GET', path: '/v1/partner/balances', successStatus: 200, body: 'none' },
    grpc: { service: GRPC, method: 'GetPartnerBalances' },
    handler: sendCommand(PAYMENTS_COMMANDS_TOPIC, PartnerAccountCommands.getBalances, PARTNER_KEY),
  }),
  defineOperation<TransactionHistoryQuery, TransactionHistoryView>({
    name: 'partner.transactions.list',
    tag: 'partner',
    summary: 'One UTC calendar month of the partner\'s movements at P100',
    scope: 'partner:read',
    idempotency: 'none',
    input: transactionHistoryQuerySchema,
    output: transactionHistoryViewSchema,
    rest: { method: 'GET', path: '/v1/partner/transactions', successStatus: 200, body: 'none', query: { month: '1-12', year: 'e.g. 2026' } },
    grpc: { service: GRPC, method: 'GetPartnerTransactions' },
    handler: sendCommand(PAYMENTS_COMMANDS_TOPIC, PartnerAccountCommands.getTransactionHistory, PARTNER_KEY),
  }),
  defineOperation<CreatePartnerWalletInput, PartnerWalletView>({
    name: 'partner.wallets.create',
    tag: 'partner',
    summary: 'A deposit wallet of the partner\'s own for a crypto currency (Idempotency-Key required)',
    scope: 'partner:write',
    idempotency: 'required',
    input: createPartnerWalletSchema,
    output: partnerWalletViewSchema,
    rest: { method: 'POST', path: '/v1/partner/wallets', successStatus: 202, body: 'json' },
    grpc: { service: GRPC, method: 'CreatePartnerWallet' },
    handler: sendMovementCommand(PAYMENTS_COMMANDS_TOPIC, PartnerAccountCommands.createWallet, PARTNER_KEY),
  }),
];

// partner.proto and the schemas agree, or the type check fails (GetPartnerBalancesRequest is
// empty: an empty strict object's keys are `string`, so SameKeys cannot compare it).
type Checks = [
  SameKeys<PartnerAccountProto.GetPartnerTransactionsRequest, TransactionHistoryQuery>,
  SameKeys<PartnerAccountProto.CreatePartnerWalletRequest, CreatePartnerWalletInput>,
  SameKeys<PartnerAccountProto.AccountBalance, PartnerBalancesView['balances'][number]>,
  SameKeys<PartnerAccountProto.Transaction, TransactionHistoryView['transactions'][number]>,
  SameKeys<PartnerAccountProto.PartnerWallet, PartnerWalletView>,
  WithoutNulls<PartnerBalancesView> extends PartnerAccountProto.PartnerBalances ? true : never,
  WithoutNulls<TransactionHistoryView> extends PartnerAccountProto.TransactionHistory ? true : never,
  WithoutNulls<PartnerWalletView> extends PartnerAccountProto.PartnerWallet ? true : never,
];
export const partnerAccountMessageChecks: Checks = [true, true, true, true, true, true, true, true];
