// Self-check of tools/platform/infra.mjs (plain script, not jest):
//
//   bash tools/with-node.sh node tools/platform/infra.test.mjs
//
// Runs ensureInfra() twice in a row: once as configured (DATABASE_URL / local server on 5432 /
// embedded; KAFKA_BROKERS / dev broker), once with PLATFORM_EMBEDDED_PG=1 (and DATABASE_URL
// unset) to exercise the embedded Postgres. Each time: SELECT 1 through pg, a kafkajs round trip
// on onboarding.events (idempotent producer OFF: the mock's missing controller breaks it), then
// stop(). Prints timings and PASS/FAIL; exit code 0 on PASS.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import kafkajs from '../kafka/kafkajs.mjs';
import { ensureInfra } from './infra.mjs';

const { Kafka, Partitioners, logLevel } = kafkajs;

const TOPIC = 'onboarding.events';
const WATCHDOG_MS = 120_000;

const watchdog = setTimeout(() => {
  console.error(`FAIL: infra self-check did not finish within ${WATCHDOG_MS / 1000} s`);
  process.exit(1);
}, WATCHDOG_MS);

async function timed(timings, name, fn) {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round(performance.now() - t0);
  }
}

async function checkPostgres(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 AS one, current_database() AS db');
    if (rows[0].one !== 1) throw new Error(`SELECT 1 returned ${JSON.stringify(rows)}`);
    return rows[0].db;
  } finally {
    await client.end();
  }
}

async function checkKafka(brokers, timings) {
  const kafka = new Kafka({
    clientId: 'infra-self-check',
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
    retry: { retries: 3 },
  });
  const marker = randomUUID();
  const producer = kafka.producer({
    idempotent: false,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: `infra-self-check-${marker}`, maxWaitTimeInMs: 10 });
  try {
    await timed(timings, 'kafkaConnect', async () => {
      await Promise.all([producer.connect(), consumer.connect()]);
      await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    });
    let received;
    const got = new Promise((resolve) => (received = resolve));
    // kafkajs's run() resolves once the consumer has joined its group: on the dev broker that
    // costs the mock's initial rebalance delay (about 3 s), once per new group.
    await timed(timings, 'kafkaGroupJoin', () =>
      consumer.run({
        eachMessage: async ({ message }) => {
          if (message.value?.toString() === marker) received(message);
        },
      }),
    );
    await timed(timings, 'kafkaSend', () =>
      producer.send({ topic: TOPIC, messages: [{ key: 'infra-self-check', value: marker }] }),
    );
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`message not read back from ${TOPIC} within 30 s`)), 30_000);
    });
    await timed(timings, 'kafkaReadBack', () => Promise.race([got, timeout]).finally(() => clearTimeout(timer)));
  } finally {
    await timed(timings, 'kafkaDisconnect', () =>
      Promise.allSettled([consumer.disconnect(), producer.disconnect()]),
    );
  }
}

async function runOnce(label, env) {
  const saved = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const timings = {};
  const t0 = performance.now();
  let infra;
  try {
    infra = await timed(timings, 'ensureInfra', () =>
      ensureInfra({ database: 'p100_infra_selfcheck', log: (line) => console.error(`  ${line}`) }),
    );
    console.error(`  databaseUrl=${infra.databaseUrl} kafkaBrokers=${infra.kafkaBrokers} kafkaDevBroker=${infra.kafkaDevBroker}`);
    if (env.PLATFORM_EMBEDDED_PG === '1' && !/:54329\//.test(infra.databaseUrl)) {
      throw new Error(`expected the embedded Postgres (port 54329), got ${infra.databaseUrl}`);
    }
    const db = await timed(timings, 'postgresSelect1', () => checkPostgres(infra.databaseUrl));
    if (db !== 'p100_infra_selfcheck' && !process.env.DATABASE_URL) {
      throw new Error(`connected to database ${db}, expected p100_infra_selfcheck`);
    }
    await checkKafka(infra.kafkaBrokers, timings);
    return { ok: true, timings };
  } catch (err) {
    return { ok: false, error: err, timings };
  } finally {
    if (infra) await timed(timings, 'stop', () => infra.stop());
    timings.total = Math.round(performance.now() - t0);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const runs = [
  ['default', {}],
  ['embedded Postgres (PLATFORM_EMBEDDED_PG=1)', { PLATFORM_EMBEDDED_PG: '1', DATABASE_URL: undefined }],
];
let failed = false;
for (const [label, env] of runs) {
  console.error(`[infra.test] ${label}`);
  const result = await runOnce(label, env);
  const times = Object.entries(result.timings)
    .map(([k, v]) => `${k}=${v}ms`)
    .join(' ');
  if (result.ok) {
    console.log(`PASS ${label}: ${times}`);
  } else {
    failed = true;
    console.log(`FAIL ${label}: ${result.error?.stack ?? result.error}\n  ${times}`);
  }
}
clearTimeout(watchdog);
console.log(failed ? 'FAIL' : 'PASS');
process.exit(failed ? 1 : 0);
