import {
  PAYMENTS_COMMANDS_TOPIC,
  ReconciliationCommands,
  driftsViewSchema,
  listDriftsSchema,
  reconciliationRunViewSchema,
  runReconciliationSchema,
  type DriftsView,
  type ListDriftsInput,
  type ReconciliationProto,
  type ReconciliationRunView,
  type RunReconciliationInput,
} from '@platform/contracts';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';
import { sendCommand } from '../operations/command.handler';
import { defineOperation } from '../operations/operation';

const GRPC = 'ReconciliationService';
/** Operator reads and runs are few; one key keeps them in order with each other. */
const OPERATOR_KEY = () => 'reconciliation';

/** Operators: the shadow ledger against P100 (docs/payments.md, "The shadow ledger"). */
export const RECONCILIATION_OPERATIONS = [
  defineOperation<ListDriftsInput, DriftsView>({
    name: 'partner.reconciliation.drifts',
    tag: 'reconciliation',
    summary: 'Where the shadow ledger and P100 disagree, newest first (open drifts unless includeResolved=true)',
    scope: 'partner:read',
    idempotency: 'none',
    input: listDriftsSchema,
    output: driftsViewSchema,
    rest: {
      method: 'GET',
      path: '/v1/partner/reconciliation/drifts',
      successStatus: 200,
      body: 'none',
      query: { includeResolved: 'true to list resolved drifts too (default false)', limit: '1-500 (default 100)' },
    },
    grpc: { service: GRPC, method: 'ListDrifts' },
    handler: sendCommand(PAYMENTS_COMMANDS_TOPIC, ReconciliationCommands.listDrifts, OPERATOR_KEY),
  }),
  defineOperation<RunReconciliationInput, ReconciliationRunView>({
    name: 'partner.reconciliation.run',
    tag: 'reconciliation',
    summary: 'Compare every user\'s shadow ledger with P100 now; answers the drifts open afterwards',
    scope: 'partner:write',
    idempotency: 'optional',
    input: runReconciliationSchema,
    output: reconciliationRunViewSchema,
    rest: { method: 'POST', path: '/v1/partner/reconciliation/runs', successStatus: 200, body: 'none' },
    grpc: { service: GRPC, method: 'RunReconciliation' },
    handler: sendCommand(PAYMENTS_COMMANDS_TOPIC, ReconciliationCommands.runReconciliation, OPERATOR_KEY),
  }),
];

// reconciliation.proto and the schemas agree, or the type check fails. (RunReconciliationRequest
// is empty: an empty strict object's keys are `string`, so SameKeys cannot compare it.)
type Checks = [
  SameKeys<ReconciliationProto.ListDriftsRequest, ListDriftsInput>,
  SameKeys<ReconciliationProto.Drift, DriftsView['drifts'][number]>,
  SameKeys<ReconciliationProto.ReconciliationRun, ReconciliationRunView>,
  WithoutNulls<DriftsView> extends ReconciliationProto.Drifts ? true : never,
  WithoutNulls<ReconciliationRunView> extends ReconciliationProto.ReconciliationRun ? true : never,
];
export const reconciliationMessageChecks: Checks = [true, true, true, true, true];
