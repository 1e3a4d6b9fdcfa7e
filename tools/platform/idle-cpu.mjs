// `npm run idle-cpu`: the whole platform at rest should cost (almost) nothing. Starts the
// platform as `npm start` does (on its own base port and database), lets it settle, then measures
// over a window (30 s) how much CPU each process uses while no request arrives: the six services
// and the Kafka broker (from /proc/<pid>/stat). Target: all together under 5 % of one core.
//
//   node tools/platform/idle-cpu.mjs [--seconds 30] [--settle 10]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ensureInfra } from './infra.mjs';

const require = createRequire(import.meta.url);
const { build, startPlatform, stopPlatform } = require('./services.cjs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WINDOW_S = arg('seconds', 30);
const SETTLE_S = arg('settle', 10);
const TARGET_PERCENT = 5;
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const log = (m) => console.error(m);
const infra = await ensureInfra({ database: 'p100_platform_idle', log });
let running;
try {
  build(() => {});
  running = await startPlatform({ infra, basePort: Number(process.env.PLATFORM_BASE_PORT || 4700), logLevel: 'warn', logSink: () => {}, log });
  const processes = Object.entries(running).map(([name, r]) => ({ name, pid: r.child.pid }));
  for (const node of Object.values(infra.kafkaCluster?.nodes ?? {})) processes.push({ name: `kafka (node ${node.id})`, pid: node.child.pid });
  log(`[idle-cpu] platform up on ${infra.kafkaDevBroker ? 'the dev broker' : `Apache Kafka ${infra.kafkaVersion}`}; settling ${SETTLE_S} s, then measuring ${WINDOW_S} s with no traffic...`);
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const before = processes.map((p) => cpuSeconds(p.pid));
  const t0 = process.hrtime.bigint();
  for (let s = 0; s < WINDOW_S; s += 5) {
    await new Promise((r) => setTimeout(r, Math.min(5, WINDOW_S - s) * 1000));
    log(`[idle-cpu]   ... ${Math.min(s + 5, WINDOW_S)} / ${WINDOW_S} s`);
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rows = processes.map((p, i) => ({ ...p, percent: ((cpuSeconds(p.pid) - before[i]) / wall) * 100 }));
  const total = rows.reduce((sum, r) => sum + r.percent, 0);
  console.log(`\nCPU at rest over ${wall.toFixed(1)} s (percent of one core):`);
  for (const r of rows) console.log(`  ${r.name.padEnd(18)} ${r.percent.toFixed(2).padStart(6)} %`);
  console.log(`  ${'total'.padEnd(18)} ${total.toFixed(2).padStart(6)} %   (target < ${TARGET_PERCENT} %: ${total < TARGET_PERCENT ? 'met' : 'NOT met'})`);
  process.exitCode = total < TARGET_PERCENT ? 0 : 1;
} finally {
  if (running) await stopPlatform(running);
  await infra.stop();
}
