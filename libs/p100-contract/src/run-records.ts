import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from './openapi-document';

/**
 * What a contract run observed, written under `.runtime/contract/` and read by the coverage
 * report (tools/contract/coverage.mjs). Nothing here is declared by hand: exchanges are recorded
 * from the HTTP traffic of the real client, webhooks from what the sandbox delivered, routes from
 * the sandbox's router.
 */
export interface ExchangeRecord {
  /** The contract operation the request matched by method and path; null when it matched none. */
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  /** success: 2xx without an error body; error: anything else P100 answered. */
  outcome: 'success' | 'error';
  errorCode?: string;
  ok: boolean;
  problems: string[];
}

export interface WebhookRecord {
  /** openapi.yaml webhook name, from the path the sandbox delivered to; null when unknown. */
  webhook: string | null;
  path: string;
  ok: boolean;
  problems: string[];
}

export interface RouteRecord {
  method: string;
  path: string;
}

export interface RunRecords {
  exchanges: ExchangeRecord[];
  webhooks: WebhookRecord[];
  /** Union of the route tables recorded by the run (each sandbox boot records its own). */
  sandboxRoutes: RouteRecord[];
  files: number;
}

export function contractRunDir(root = WORKSPACE_ROOT): string {
  return path.join(root, '.runtime', 'contract');
}

/** One file per test file and process, so parallel Jest workers never write the same file. */
export function writeRunRecords(
  tag: string,
  records: Partial<Pick<RunRecords, 'exchanges' | 'webhooks' | 'sandboxRoutes'>>,
  dir = contractRunDir(),
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${tag.replace(/[^A-Za-z0-9_.-]/g, '_')}-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ exchanges: [], webhooks: [], sandboxRoutes: [], ...records }, null, 1));
  return file;
}

export function readRunRecords(dir = contractRunDir()): RunRecords {
  const merged: RunRecords = { exchanges: [], webhooks: [], sandboxRoutes: [], files: 0 };
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return merged;
  }
  for (const name of names) {
    const records = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Partial<RunRecords>;
    merged.exchanges.push(...(records.exchanges ?? []));
    merged.webhooks.push(...(records.webhooks ?? []));
    merged.sandboxRoutes.push(...(records.sandboxRoutes ?? []));
    merged.files += 1;
  }
  return merged;
}

export function clearRunRecords(dir = contractRunDir()): void {
  rmSync(dir, { recursive: true, force: true });
}
