// The bare baseline of the webhook-ingest benchmark: plain node:http, one pg INSERT and one kafkajs
// send per request, then 200. No auth, no dedupe, no framework: the floor of what storing a webhook
// and handing it to Kafka costs on this machine. Configured by the environment (see run.mjs).
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { Kafka, logLevel } = require('kafkajs');

const { DATABASE_URL, KAFKA_BROKERS, KAFKA_DEV_BROKER, BASELINE_SCHEMA, PORT } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
await pool.query(`CREATE SCHEMA IF NOT EXISTS ${BASELINE_SCHEMA}`);
await pool.query(`CREATE TABLE IF NOT EXISTS ${BASELINE_SCHEMA}.webhooks (id bigserial PRIMARY KEY, body jsonb NOT NULL)`);
const kafka = new Kafka({ clientId: 'bench-baseline', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
const producer = kafka.producer({ idempotent: KAFKA_DEV_BROKER !== 'true', maxInFlightRequests: 1, allowAutoTopicCreation: false });
await producer.connect();

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      await pool.query(`INSERT INTO ${BASELINE_SCHEMA}.webhooks (body) VALUES ($1)`, [body]);
      await producer.send({ topic: 'p100.webhooks.user', acks: -1, messages: [{ key: 'bench', value: body }] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.listen(Number(PORT), '127.0.0.1', () => process.stdout.write('READY\n'));
const shutdown = async () => {
  server.close();
  await producer.disconnect().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
