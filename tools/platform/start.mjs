// `npm start`: the whole platform on one machine with embedded defaults — Postgres and the Kafka
// dev broker (or DATABASE_URL / KAFKA_BROKERS), the P100 sandbox and the five services, each
// migrating its own schema at start. Ctrl-C stops everything cleanly.
import { createRequire } from 'node:module';
import { ensureInfra } from './infra.mjs';

const require = createRequire(import.meta.url);
const { build, startPlatform, stopPlatform, startBanner } = require('./services.cjs');

const basePort = Number(process.env.PLATFORM_BASE_PORT || 3000);
const log = (msg) => console.log(msg);
const started = Date.now();

let infra;
let running;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('\n[platform] stopping services...');
  if (running) await stopPlatform(running);
  if (infra) await infra.stop();
  log('[platform] stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  log('[platform] 1/3 infrastructure (Postgres, Kafka broker)...');
  infra = await ensureInfra({ database: 'p100_platform', log });
  log('[platform] 2/3 building services...');
  build(log);
  log('[platform] 3/3 starting the P100 sandbox and the five services, waiting for /health...');
  running = await startPlatform({ infra, basePort, logLevel: process.env.LOG_LEVEL || 'info', log });
  log(startBanner({ running, infra, seconds: (Date.now() - started) / 1000 }));
} catch (error) {
  console.error(`[platform] failed to start: ${error.message}`);
  console.error('[platform] what to do: check the service log lines above; `npm run infra` starts only Postgres and Kafka.');
  await shutdown(1);
}
