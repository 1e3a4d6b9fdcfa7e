// `npm run test:e2e-loop [-- --times 10] [-- --skip-others]`: the end-to-end project run again and
// again after all the other projects, on one broker, as `npm test` orders them. What a test
// project leaves on the shared broker and database must never reach the next one
// (tools/platform/test-isolation.mjs); this is the proof, and the way to catch a flaky e2e test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureInfra } from './infra.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const TIMES = Number(arg('times', 10));
const skipOthers = process.argv.includes('--skip-others');

const infra = await ensureInfra({ database: 'p100_platform_test', log: (m) => console.log(m) });
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  DATABASE_URL: infra.databaseUrl,
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_DEV_BROKER: String(infra.kafkaDevBroker),
};
mkdirSync('.runtime/test-results', { recursive: true });

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code === 0));
  });
}

const results = [];
try {
  if (!skipOthers) {
    console.log('\n[e2e-loop] every other project first (as npm test orders them)');
    results.push({ name: 'other projects', ok: await run('npx', ['nx', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=static', '--exclude', 'platform-e2e']) });
  }
  for (let i = 1; i <= TIMES; i += 1) {
    const started = Date.now();
    console.log(`\n[e2e-loop] platform-e2e run ${i} of ${TIMES}`);
    const ok = await run('npx', ['jest', '-c', 'apps/platform-e2e/jest.config.cjs', '--json', '--outputFile=.runtime/test-results/platform-e2e-loop.json']);
    const report = JSON.parse(readFileSync('.runtime/test-results/platform-e2e-loop.json', 'utf8'));
    results.push({ name: `e2e run ${i}`, ok, detail: `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${((Date.now() - started) / 1000).toFixed(1)} s` });
    console.log(`[e2e-loop] run ${i}: ${ok ? 'PASS' : 'FAIL'} (${results.at(-1).detail})`);
  }
} finally {
  await infra.stop();
}
console.log(`\n[e2e-loop] broker: ${infra.kafkaDevBroker ? 'librdkafka dev broker' : `Apache Kafka ${infra.kafkaVersion}`}`);
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.detail ? ` (${r.detail})` : ''}`);
const e2e = results.filter((r) => r.name.startsWith('e2e'));
console.log(`${e2e.filter((r) => r.ok).length} passed, ${e2e.filter((r) => !r.ok).length} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
