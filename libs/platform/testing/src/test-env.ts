import { randomBytes } from 'node:crypto';
import type { KafkaSettings } from '@platform/kafka';

/** Infra addresses exported by the Jest global setup (tools/platform/jest-global-setup.mjs). */
export function testEnv(): { databaseUrl: string; kafkaBrokers: string[]; devBroker: boolean } {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('DATABASE_URL / KAFKA_BROKERS not set: run tests through `npm test` or the project Jest config (its global setup starts them)');
  }
  return { databaseUrl, kafkaBrokers: brokers.split(','), devBroker: process.env.KAFKA_DEV_BROKER === 'true' };
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export function kafkaTestSettings(clientId = uniqueName('test')): KafkaSettings {
  const env = testEnv();
  return { brokers: env.kafkaBrokers, clientId, devBroker: env.devBroker };
}
