// `npm run faults`: the fault suite (apps/platform-faults) at full size, local only, bounded:
// each scenario has its own jest deadline and the whole run is killed after 30 minutes. The
// progress lines ([faults <scenario>] ...) are printed and copied into docs/reliability.md
// between the generated-figures markers.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ensureInfra } from './infra.mjs';

const { remoteP100Refusal } = createRequire(import.meta.url)('./services.cjs');
const refusal = remoteP100Refusal();
if (refusal) {
  console.error(`[faults] refusing: ${refusal}`);
  process.exit(2);
}
const started = Date.now();
const infra = await ensureInfra({ database: 'p100_platform_faults', log: (m) => console.log(m) });
const env = { ...process.env, FAULTS_SCALE: process.env.FAULTS_SCALE || 'full', DATABASE_URL: infra.databaseUrl, KAFKA_BROKERS: infra.kafkaBrokers, KAFKA_DEV_BROKER: String(infra.kafkaDevBroker) };
const lines = [];
const code = await new Promise((resolve) => {
  const child = spawn('bash', ['-c', 'node tools/build/build.mjs && npx jest -c apps/platform-faults/jest.config.cjs'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const deadline = setTimeout(() => child.kill('SIGTERM'), 30 * 60_000);
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    for (const line of String(chunk).split('\n')) if (line.startsWith('[faults ')) lines.push(line);
  });
  child.on('exit', (c) => { clearTimeout(deadline); resolve(c ?? 1); });
});
await infra.stop();
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const section = [
  `Run of ${new Date().toISOString()} (FAULTS_SCALE=${env.FAULTS_SCALE}, ${seconds} s, exit ${code}):`,
  '', '```', ...lines, '```',
].join('\n');
const doc = readFileSync('docs/reliability.md', 'utf8');
writeFileSync('docs/reliability.md', doc.replace(/(<!-- figures:start -->)[\s\S]*(<!-- figures:end -->)/, `$1\n${section}\n$2`));
console.log(`[faults] done in ${seconds} s, exit ${code}; figures written to docs/reliability.md`);
process.exit(code);
