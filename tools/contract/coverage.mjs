// P100 contract coverage: operations × client / sandbox / test and webhooks × sandbox-emits / test.
//
//   node tools/contract/coverage.mjs            runs the contract tests, then reports
//   node tools/contract/coverage.mjs --no-run   reports on the last recorded run (.runtime/contract)
//
// Nothing is taken from a hand-written list: the contract is ../shared/p100-api/openapi.yaml, the
// client column is the client's OPERATIONS catalog (method + path must match the contract), the
// sandbox column is the route table the contract run read from the sandbox's Nest router, and the
// test columns are the responses and webhooks the run recorded and validated against openapi.yaml.
// Writes docs/p100-coverage.md and exits 1 when anything is missing or a recorded answer broke the
// contract (or the contract tests failed).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('./ts-register.cjs');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const contractLib = require(path.join(root, 'libs/p100-contract/src/index.ts'));
const { OPERATIONS } = require(path.join(root, 'libs/p100-client/src/operations.ts'));

const runTests = !process.argv.includes('--no-run');
let testsPassed = true;
if (runTests) {
  contractLib.clearRunRecords();
  console.log('[contract] running the contract tests (apps/p100-sandbox/contract)...');
  const jest = spawnSync('npx', ['jest', '-c', 'apps/p100-sandbox/jest.config.cjs', 'apps/p100-sandbox/contract'], { cwd: root, stdio: 'inherit' });
  testsPassed = jest.status === 0;
}

const contract = contractLib.readContract();
const client = Object.entries(OPERATIONS).map(([operationId, spec]) => ({ operationId, method: spec.method, path: spec.path }));
const report = contractLib.computeCoverage(contract, client, contractLib.readRunRecords());

const yes = (ok) => (ok ? 'yes' : '--');
const width = Math.max(...report.operations.map((o) => o.operationId.length));
console.log(`\n${'operation'.padEnd(width)}  client  sandbox  happy  error`);
for (const o of report.operations) {
  console.log(`${o.operationId.padEnd(width)}  ${yes(o.client).padEnd(6)}  ${yes(o.sandbox).padEnd(7)}  ${yes(o.happy).padEnd(5)}  ${yes(o.error)}`);
}
console.log(`\n${'webhook'.padEnd(width)}  emitted  tested`);
for (const w of report.webhooks) console.log(`${w.webhook.padEnd(width)}  ${yes(w.sandboxEmits).padEnd(7)}  ${yes(w.tested)}`);

const markdown = contractLib.renderCoverageMarkdown(report);
writeFileSync(path.join(root, 'docs', 'p100-coverage.md'), markdown);
console.log('\n[contract] wrote docs/p100-coverage.md');

for (const line of report.violations) console.log(`[contract] VIOLATION ${line}`);
for (const line of report.missing) console.log(`[contract] MISSING ${line}`);
if (!testsPassed) console.log('[contract] the contract tests failed');
const ok = report.complete && testsPassed;
console.log(`[contract] coverage ${ok ? 'complete' : `incomplete: ${report.missing.length} missing, ${report.violations.length} violations`}`);
process.exit(ok ? 0 : 1);
