// The baseline's service: a bare kafkajs consumer of the request topic that does what the
// platform's service does at its core and nothing else, then replies:
//   read     → one pg SELECT of the user's row from onboarding-kyc's own table (what GetUser reads);
//   transfer → the P100 sandbox's POST /v1/transfer (partner → user), no intent row, no ledger, no outbox;
//              with `durable` (bare-front.mjs, x-bare-durable) the intent is INSERTed before the call
//              and P100's answer UPDATEd after, in bench_gw.intents (autocommit each).
// Each fetched batch is worked on concurrently (every message at once), so the bare side is not held
// back by per-partition serial handling. Env: DATABASE_URL, KAFKA_BROKERS, REQUEST_TOPIC, REPLY_TOPIC,
// SANDBOX_URL, P100_API_KEY, STATS_PORT (GET /kafka-requests: its Kafka requests so far; GET /p100-calls: its sandbox calls, sum and count). Prints READY once it holds the request partitions.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { countKafkaRequests } from '../support/kafka-requests.mjs';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const pg = require('pg');

const { DATABASE_URL, KAFKA_BROKERS, REQUEST_TOPIC, REPLY_TOPIC, SANDBOX_URL, P100_API_KEY } = process.env;
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const kafka = new Kafka({ clientId: 'bench-bare-service', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
const kafkaRequests = countKafkaRequests(kafka);
/** Its sandbox calls (seconds), as the platform's p100_request_duration_seconds counts them. */
const p100Calls = { sum: 0, count: 0 };
const producer = kafka.producer({ allowAutoTopicCreation: false });
const consumer = kafka.consumer({ groupId: `bench-bare-service-${randomUUID()}`, allowAutoTopicCreation: false });

async function handle(command) {
  if (command.type === 'read') {
    const { rows } = await db.query('SELECT * FROM onboarding.users WHERE external_user_id = $1', [command.externalUserId]);
    return rows.length ? { status: 200, body: rows[0] } : { status: 404, body: { error: { code: 'USER_NOT_FOUND' } } };
  }
  if (command.durable) await db.query(`INSERT INTO bench_gw.intents (request_id, status) VALUES ($1, 'REQUESTED')`, [command.requestId]);
  const started = process.hrtime.bigint();
  const res = await fetch(`${SANDBOX_URL}/v1/transfer`, {
    method: 'POST',
    headers: { 'x-api-key': P100_API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ destinationExternalUserId: command.externalUserId, amount: command.amount, currency: command.currency }),
  });
  const body = await res.json();
  p100Calls.sum += Number(process.hrtime.bigint() - started) / 1e9;
  p100Calls.count += 1;
  if (command.durable) await db.query('UPDATE bench_gw.intents SET status = $2, p100_id = $3 WHERE request_id = $1', [command.requestId, res.ok ? 'PENDING' : 'FAILED', body.transferId ?? null]);
  return res.ok ? { status: 202, body: { requestId: command.requestId, p100Id: body.transferId } } : { status: 502, body };
}

await producer.connect();
await consumer.connect();
await consumer.subscribe({ topic: REQUEST_TOPIC, fromBeginning: true });
const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
await consumer.run({
  partitionsConsumedConcurrently: 4,
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    await Promise.all(
      batch.messages.map(async (message) => {
        const reply = await handle(JSON.parse(message.value.toString())).catch((error) => ({ status: 500, body: { error: String(error?.message ?? error) } }));
        await producer.send({ topic: REPLY_TOPIC, messages: [{ key: message.key, value: JSON.stringify(reply), headers: { 'correlation-id': message.headers['correlation-id'] } }] });
      }),
    );
    resolveOffset(batch.messages.at(-1).offset);
    await heartbeat();
  },
});
await joined;
const stats = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.url === '/p100-calls' ? p100Calls : kafkaRequests)));
await new Promise((resolve) => stats.listen(Number(process.env.STATS_PORT), '127.0.0.1', resolve));
console.log('READY');
process.on('SIGTERM', async () => {
  stats.close();
  await Promise.allSettled([consumer.disconnect(), producer.disconnect(), db.end()]);
  process.exit(0);
});
