// Jest global setup shared by every project: tests that touch storage or messaging use the real
// Postgres and the real Kafka-protocol broker. `npm test` brings them up once and exports
// DATABASE_URL / KAFKA_BROKERS; a project's Jest run on its own brings them up here instead.
import { ensureInfra } from './infra.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL && process.env.KAFKA_BROKERS) return;
  const infra = await ensureInfra({ database: 'p100_platform_test', log: () => {} });
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  process.env.KAFKA_DEV_BROKER = String(infra.kafkaDevBroker);
  globalThis.__PLATFORM_INFRA__ = infra;
}
