// Jest global setup shared by every project: tests that touch storage or messaging use the real
// Postgres and the real Kafka broker. `npm test` brings them up once and exports DATABASE_URL /
// KAFKA_BROKERS; a project's Jest run on its own brings them up here instead. Either way this run
// gets its own database and Kafka namespace (tools/platform/test-isolation.mjs).
import path from 'node:path';
import { ensureInfra } from './infra.mjs';
import { isolateTestRun } from './test-isolation.mjs';

export default async function globalSetup(globalConfig) {
  let infra = { databaseUrl: process.env.DATABASE_URL, kafkaBrokers: process.env.KAFKA_BROKERS, kafkaDevBroker: process.env.KAFKA_DEV_BROKER === 'true' };
  if (!infra.databaseUrl || !infra.kafkaBrokers) {
    const started = await ensureInfra({ database: 'p100_platform_test', log: () => {} });
    globalThis.__PLATFORM_INFRA__ = started;
    infra = started;
    process.env.KAFKA_BROKERS = infra.kafkaBrokers;
    process.env.KAFKA_DEV_BROKER = String(infra.kafkaDevBroker);
  }
  const label = path.basename(globalConfig?.rootDir ?? 'run');
  const isolation = await isolateTestRun({ ...infra, label });
  globalThis.__PLATFORM_ISOLATION__ = isolation;
  globalThis.__PLATFORM_BASE_DATABASE_URL__ = infra.databaseUrl;
  Object.assign(process.env, isolation.env);
}
