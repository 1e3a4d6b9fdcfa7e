// The baseline's front: node:http and a bare kafkajs request-reply client (default producer:
// neither idempotent nor limited to one request in flight; one consumer on the reply topic),
// no auth, no validation, no idempotency store, no framework. It answers the two commands of the
// bench with the same paths as the gateway:
//   GET  /v1/users/:id                      → command {type: 'read', externalUserId}
//   POST /v1/users/:id/transfers/from-partner (Idempotency-Key) → command {type: 'transfer', ...}
// With the header `x-bare-durable: 1` a transfer is the naive *durable* design instead: its
// Idempotency-Key is INSERTed (autocommit) before the command is sent and its answer UPDATEd
// after, in bench_gw.idempotency_keys, and the service records the intent likewise (the fewest
// writes that keep a money command from running twice or being lost).
// With GRPC_PORT it also answers the same two commands over gRPC (bare grpc-js, the platform's
// protos: UsersService/GetUser, PaymentsService/TransferFromPartner), so that the gateway's gRPC
// edge can be compared with a front on the same transport as well as with node:http.
// GET /kafka-requests: its Kafka requests so far. Env: PORT, GRPC_PORT, KAFKA_BROKERS, REQUEST_TOPIC, REPLY_TOPIC, DATABASE_URL. Prints READY once its consumer holds the replies.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { countKafkaRequests } from '../support/kafka-requests.mjs';
import { platformGrpcServices } from '../support/platform-protos.mjs';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const pg = require('pg');
const grpc = require('@grpc/grpc-js');

const { PORT, GRPC_PORT, KAFKA_BROKERS, REQUEST_TOPIC, REPLY_TOPIC, DATABASE_URL } = process.env;
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const kafka = new Kafka({ clientId: 'bench-bare-front', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
const kafkaRequests = countKafkaRequests(kafka);
const producer = kafka.producer({ allowAutoTopicCreation: false });
const consumer = kafka.consumer({ groupId: `bench-bare-front-${randomUUID()}`, allowAutoTopicCreation: false });
const pending = new Map();

await producer.connect();
await consumer.connect();
await consumer.subscribe({ topic: REPLY_TOPIC, fromBeginning: true });
const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
await consumer.run({
  eachMessage: async ({ message }) => {
    const id = message.headers['correlation-id']?.toString();
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    waiting(JSON.parse(message.value.toString()));
  },
});
await joined;

function request(key, command) {
  const correlationId = randomUUID();
  return new Promise((resolve, reject) => {
    pending.set(correlationId, resolve);
    producer
      .send({ topic: REQUEST_TOPIC, messages: [{ key, value: JSON.stringify(command), headers: { 'correlation-id': correlationId } }] })
      .catch((error) => {
        pending.delete(correlationId);
        reject(error);
      });
  });
}

// The two commands, as both fronts send them (keyed by the user, as the gateway keys them).
const readUser = (externalUserId) => request(externalUserId, { type: 'read', externalUserId });
const transfer = (externalUserId, requestId, amount, currency, durable) => request(externalUserId, { type: 'transfer', externalUserId, requestId, amount, currency, durable });

const server = http.createServer(async (req, res) => {
  try {
    // The bench reads this side's broker round trips here (bench/support/kafka-requests.mjs).
    if (req.url === '/kafka-requests') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(kafkaRequests));
    const [, , , id, ...rest] = req.url.split('/');
    let reply;
    if (req.method === 'GET' && rest.length === 0) reply = await readUser(id);
    else {
      let text = '';
      for await (const chunk of req) text += chunk;
      const body = JSON.parse(text);
      const key = req.headers['idempotency-key'];
      const durable = req.headers['x-bare-durable'] === '1';
      if (durable) await db.query('INSERT INTO bench_gw.idempotency_keys (idempotency_key) VALUES ($1)', [key]);
      reply = await transfer(id, key, body.amount, body.currency, durable);
      if (durable) await db.query('UPDATE bench_gw.idempotency_keys SET response_status = $2, response_body = $3 WHERE idempotency_key = $1', [key, reply.status, JSON.stringify(reply.body)]);
    }
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }).end(payload);
  } catch (error) {
    res.writeHead(500).end(String(error?.message ?? error));
  }
});
server.keepAliveTimeout = 60_000;
await new Promise((resolve) => server.listen(Number(PORT), '127.0.0.1', resolve));

// The bare gRPC front: a unary handler per command, no interceptors, no validation. The read's
// reply is the user's row (snake_case columns): its keys are renamed to the proto's camelCase
// names, the least a gRPC front must do for the message to carry them.
const camel = (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]));
const answer = (callback, reply, body) =>
  reply.status < 300 ? callback(null, body) : callback({ code: grpc.status.INTERNAL, details: JSON.stringify(reply.body).slice(0, 200) });
let grpcServer;
if (GRPC_PORT) {
  const v1 = platformGrpcServices({ defaults: false });
  grpcServer = new grpc.Server();
  grpcServer.addService(v1.UsersService.service, {
    getUser: ({ request: req }, callback) =>
      readUser(req.externalUserId).then((reply) => answer(callback, reply, reply.status < 300 ? camel(reply.body) : undefined), callback),
  });
  grpcServer.addService(v1.PaymentsService.service, {
    transferFromPartner: (call, callback) => {
      const { externalUserId, amount, currency } = call.request;
      const key = call.metadata.get('idempotency-key')[0]?.toString();
      transfer(externalUserId, key, amount, currency, false).then((reply) => answer(callback, reply, reply.body), callback);
    },
  });
  await new Promise((resolve, reject) => grpcServer.bindAsync(`127.0.0.1:${GRPC_PORT}`, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())));
}
console.log('READY');
process.on('SIGTERM', async () => {
  server.close();
  grpcServer?.forceShutdown();
  await Promise.allSettled([consumer.disconnect(), producer.disconnect(), db.end()]);
  process.exit(0);
});
