import type { P100Contract } from './openapi-document';
import { normalizeTemplate } from './operation-matcher';
import type { RouteRecord, RunRecords } from './run-records';
import { catalogEventOf, webhookNamePairingProblems } from './webhook-names';

/** An operation as the client's catalog declares it (OPERATIONS of @platform/p100-client). */
export interface ClientOperation {
  operationId: string;
  method: string;
  path: string;
}

export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  source: string;
  /** The client's catalog has the operation with the contract's method and path shape. */
  client: boolean;
  /** The sandbox's router serves the method and path shape. */
  sandbox: boolean;
  /** A contract test got a 2xx from the sandbox through the client, valid against openapi.yaml. */
  happy: boolean;
  /** A contract test got a documented error from the sandbox through the client, valid too. */
  error: boolean;
}

export interface WebhookCoverage {
  webhook: string;
  event?: string;
  /** The sandbox delivered this webhook during the contract run. */
  sandboxEmits: boolean;
  /** A delivered payload was validated against openapi.yaml and passed. */
  tested: boolean;
}

export interface CoverageReport {
  operations: OperationCoverage[];
  webhooks: WebhookCoverage[];
  /** One line per gap: the report fails while this is not empty. */
  missing: string[];
  /** Recorded responses or payloads that broke the contract (also gaps). */
  violations: string[];
  /** /v1 routes the sandbox serves that the contract does not document (informational). */
  extraSandboxRoutes: RouteRecord[];
  complete: boolean;
}

export function computeCoverage(contract: P100Contract, client: readonly ClientOperation[], records: RunRecords): CoverageReport {
  const key = (method: string, path: string) => `${method.toUpperCase()} ${normalizeTemplate(path)}`;
  const clientKeys = new Map(client.map((c) => [c.operationId, key(c.method, c.path)]));
  const routeKeys = new Set(records.sandboxRoutes.map((r) => key(r.method, r.path)));
  const contractKeys = new Set(contract.operations.map((op) => key(op.method, op.path)));

  const operations = contract.operations.map((op): OperationCoverage => {
    const seen = records.exchanges.filter((e) => e.operationId === op.operationId && e.ok);
    return {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      source: op.source,
      client: clientKeys.get(op.operationId) === key(op.method, op.path),
      sandbox: routeKeys.has(key(op.method, op.path)),
      happy: seen.some((e) => e.outcome === 'success'),
      error: seen.some((e) => e.outcome === 'error'),
    };
  });

  const webhooks = contract.webhooks.map((w): WebhookCoverage => {
    const delivered = records.webhooks.filter((r) => r.webhook === w.name);
    return { webhook: w.name, event: catalogEventOf(w.name), sandboxEmits: delivered.length > 0, tested: delivered.some((r) => r.ok) };
  });

  const missing: string[] = [];
  for (const op of operations) {
    const gaps = [
      !op.client && 'client',
      !op.sandbox && 'sandbox',
      !op.happy && 'test (happy path)',
      !op.error && 'test (documented error)',
    ].filter(Boolean);
    if (gaps.length) missing.push(`${op.operationId} (${op.method} ${op.path}): missing in ${gaps.join(', ')}`);
  }
  for (const w of webhooks) {
    const gaps = [!w.sandboxEmits && 'sandbox (never delivered)', !w.tested && 'test'].filter(Boolean);
    if (gaps.length) missing.push(`webhook ${w.webhook}${w.event ? ` (${w.event})` : ''}: missing in ${gaps.join(', ')}`);
  }
  missing.push(...webhookNamePairingProblems(contract.webhooks.map((w) => w.name)));
  if (records.files === 0) missing.push('no contract run recorded in .runtime/contract (run the contract tests first)');

  const violations = [
    ...records.exchanges
      .filter((e) => !e.ok || e.operationId === null)
      .map((e) => `${e.method} ${e.path} → ${e.status}${e.operationId ? ` (${e.operationId})` : ' (no contract operation)'}: ${e.problems.join('; ')}`),
    ...records.webhooks.filter((w) => !w.ok).map((w) => `webhook ${w.webhook ?? '?'} to ${w.path}: ${w.problems.join('; ')}`),
  ];
  const extraSandboxRoutes = dedupe(records.sandboxRoutes.filter((r) => r.path.startsWith('/v1') && !contractKeys.has(key(r.method, r.path))));

  return { operations, webhooks, missing, violations: dedupeText(violations), extraSandboxRoutes, complete: missing.length === 0 && violations.length === 0 };
}

function dedupe(routes: RouteRecord[]): RouteRecord[] {
  const seen = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return [...seen.values()];
}

function dedupeText(lines: string[]): string[] {
  return [...new Set(lines)];
}
