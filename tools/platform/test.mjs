// `npm test`: every project's tests (unit, integration and end-to-end) against the real Postgres
// and the real Kafka-protocol broker, which it starts itself unless DATABASE_URL / KAFKA_BROKERS
// are set; type checking and the module-boundary lint first, the P100 contract coverage gate last.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureInfra } from './infra.mjs';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };
const steps = [];

function run(name, command, args) {
  const started = Date.now();
  console.log(`\n[test] ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code) => {
      steps.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
      resolve(code === 0);
    });
  });
}

const infra = await ensureInfra({ database: 'p100_platform_test', log: (m) => console.log(m) });
Object.assign(env, { DATABASE_URL: infra.databaseUrl, KAFKA_BROKERS: infra.kafkaBrokers, KAFKA_DEV_BROKER: String(infra.kafkaDevBroker) });

rmSync('.runtime/test-results', { recursive: true, force: true });
// Jest writes each project's --outputFile here but does not create the folder.
mkdirSync('.runtime/test-results', { recursive: true });
// What the P100 contract tests (apps/p100-sandbox/contract) record, read by the coverage step.
rmSync('.runtime/contract', { recursive: true, force: true });
let ok = true;
ok = (await run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) && ok;
ok = (await run('lint (module boundaries)', 'npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'])) && ok;
ok = (await run('tests', 'npx', ['nx', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=static'])) && ok;
// Every operation and webhook of ../shared/p100-api in the client, the sandbox and a passing
// contract test (from what the test run recorded; writes docs/p100-coverage.md).
ok = (await run('P100 contract coverage', 'node', ['tools/contract/coverage.mjs', '--no-run'])) && ok;

await infra.stop();
console.log('\n[test] summary');
for (const s of steps) console.log(`  ${s.ok ? 'PASS' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(1)} s)`);
// Jest's per-project JSON results, added up into the one closing line CI reads.
let passed = 0;
let failed = 0;
for (const file of (existsSync('.runtime/test-results') ? readdirSync('.runtime/test-results', { withFileTypes: true }) : []).filter((f) => f.name.endsWith('.json'))) {
  const result = JSON.parse(readFileSync(`.runtime/test-results/${file.name}`, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
}
for (const s of steps.filter((step) => !step.ok && step.name !== 'tests')) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
