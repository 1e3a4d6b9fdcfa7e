import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { KafkaClusterProcess, kafkaTopic } from '@platform/kafka';
import { testEnv } from '@platform/testing';
import { BASE_PORT, WEBHOOK_TOKEN, progress, sized, startFaultPlatform, type FaultPlatform } from './faults.harness';
import { readWholeTopic } from './support/topic-reader';
import { WebhookLoad } from './support/webhook-load';

/**
 * Scenario (a): card-transaction webhooks (20% of them redeliveries) while one broker of a real
 * three-node KRaft cluster (replication 3, min.insync.replicas 2) is SIGKILLed, then all three.
 * webhook-ingest stores before it answers, so neither outage may stop its acknowledgements; its
 * outbox relay publishes to `p100.webhooks.card` (key cardId) and cards records each event through
 * its inbox (p100_events, card_transactions). Verified: every acknowledged webhook published
 * exactly once by event id (under the event id of its one stored row; a resent copy under that
 * same id is counted, and must leave one effect); nothing published that was never sent;
 * per-key order as acknowledged; one downstream effect per event; the outbox drained.
 */
const TOTAL = sized(2_500, 100_000);
const KEYS = 50;
const KILL_ONE_MS = sized(2_000, 10_000);
const KILL_ALL_MS = sized(2_000, 10_000);
/** Bounds on waiting for the platform to catch up (the backlog of the outages), not timings asserted. */
const CATCH_UP_MS = sized(90_000, 600_000);
// steady, one broker down, recovered, whole cluster down, after.
const PHASES = [0.2, 0.2, 0.15, 0.25, 0.2];
const CARD_TRANSACTION = webhookSpecByEvent('card-transaction')!;
const TOPIC = webhookTopic(CARD_TRANSACTION.family);

describe('scenario a: webhooks through broker kills are published exactly once, in order, with one effect each', () => {
  let cluster: KafkaClusterProcess;
  let platform: FaultPlatform;
  let db: Client;
  const run = randomBytes(3).toString('hex');
  const prefix = `fa-${run}-`;

  beforeAll(async () => {
    const t0 = Date.now();
    cluster = await KafkaClusterProcess.start(3);
    // This run's namespace (jest global setup), now on the three-node cluster too.
    await cluster.provisionCatalog(process.env.KAFKA_NAMESPACE ?? '');
    const t1 = Date.now();
    // The webhook's path and nothing else: webhook-ingest, the cluster, cards.
    platform = await startFaultPlatform({ KAFKA_BROKERS: cluster.bootstrap, KAFKA_DEV_BROKER: 'false' }, BASE_PORT, ['webhook-ingest', 'cards']);
    db = new Client({ connectionString: testEnv().databaseUrl });
    await db.connect();
    progress('a', `3-node KRaft cluster ${cluster.bootstrap} up and catalog provisioned in ${t1 - t0} ms, platform up in ${Date.now() - t1} ms`);
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
    await cluster?.close();
  }, 120_000);

  it('acknowledges through both outages and publishes every acknowledged webhook exactly once, in order, with one effect', async () => {
    const leader = await leaderOfPartitionZero(cluster.brokers, kafkaTopic(TOPIC));
    const load = new WebhookLoad({
      url: platform.webhookIngest,
      path: CARD_TRANSACTION.path,
      token: WEBHOOK_TOKEN,
      keys: KEYS,
      total: TOTAL,
      phases: PHASES,
      webhook: (key, seq) => {
        const cardId = `${prefix}card${key}`;
        const id = `${cardId}-t${seq}`;
        const body = JSON.stringify({
          externalUserId: `${prefix}user${key}`,
          cardId,
          transactionId: id,
          amount: `${(seq % 97) + 1}.25`,
          currency: 'EUR',
          merchantName: 'Fault Suite Coffee',
          status: 'COMPLETED',
          createdAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
          seq,
        });
        return { id, messageKey: cardId, body };
      },
    });
    const started = Date.now();
    const at = () => Date.now() - started;
    const done = load.run();
    const windows: string[] = [];
    const acks = () => load.figures.statuses['200'] ?? 0;

    await load.phaseFinished(0);
    let from = at();
    let acksBefore = acks();
    await cluster.command(`kill ${leader}`);
    load.open(1);
    await sleep(KILL_ONE_MS);
    await cluster.command(`start ${leader}`);
    windows.push(`broker ${leader} (leader of ${TOPIC}[0]) SIGKILLed ${from}–${at()} ms, ${acks() - acksBefore} acks in the window`);
    await load.phaseFinished(1);
    load.open(2);
    await load.phaseFinished(2);
    from = at();
    acksBefore = acks();
    await cluster.command('kill all');
    load.open(3);
    await sleep(KILL_ALL_MS);
    await cluster.command('start all');
    windows.push(`all three brokers SIGKILLed ${from}–${at()} ms, ${acks() - acksBefore} acks in the window`);
    await load.phaseFinished(3);
    load.open(4);
    await done;
    const sentMs = at();

    const webhooks = load.webhooks;
    const acked = webhooks.filter((w) => w.acked);
    const f = load.figures;
    progress('a', `${f.requests} requests in ${sentMs} ms over ${KEYS} connections: ${webhooks.length} webhooks, ${f.redeliveries} redeliveries; ${acked.length} webhooks acknowledged`);
    progress('a', `answers ${JSON.stringify(f.statuses)}, outcomes ${JSON.stringify(f.outcomes)}, refusals ${JSON.stringify(f.codes)}`);
    for (const w of windows) progress('a', w);
    expect(f.unexpected).toEqual([]);
    expect(f.storedTwice).toEqual([]);
    // Kafka is not on the acknowledging path: both outages are absorbed by Postgres.
    expect(webhooks.filter((w) => !w.acked).map((w) => w.id)).toEqual([]);

    await waitUntil(async () => (await count('SELECT count(*) FROM webhook_ingest.outbox WHERE published_at IS NULL')) === 0, CATCH_UP_MS, 'webhook-ingest outbox to drain');
    progress('a', `webhook-ingest outbox drained ${at() - sentMs} ms after the last request`);

    const published = (await readWholeTopic(cluster.brokers, TOPIC, CATCH_UP_MS)).filter((m) => m.key?.startsWith(prefix));
    const stored = new Map<string, string>(
      (await db.query(`SELECT payload->>'transactionId' AS tx, id::text AS id FROM webhook_ingest.received_webhooks WHERE message_key LIKE $1`, [`${prefix}%`])).rows.map((r) => [r.tx, r.id]),
    );
    const byWebhook = groupBy(published, (m) => String(m.value?.transactionId));
    const sentIds = new Set(webhooks.map((w) => w.id));
    const lost = acked.filter((w) => !byWebhook.has(w.id)).map((w) => w.id);
    // Exactly once by event id: a webhook published under two event ids would be two effects. A
    // second copy under the same event id is at-least-once delivery (a send that Kafka wrote but
    // whose answer the kill took, sent again), which consumers' inboxes absorb: counted, not refused.
    const duplicated = [...byWebhook].filter(([, ms]) => new Set(ms.map((m) => m.eventId)).size > 1).map(([id, ms]) => `${id} ×${ms.length} (${new Set(ms.map((m) => m.eventId)).size} event ids)`);
    const copies = published.length - byWebhook.size;
    const phantom = [...byWebhook.keys()].filter((id) => !sentIds.has(id));
    const wrongEventId = [...byWebhook].filter(([id, ms]) => ms.some((m) => m.eventId !== stored.get(id))).map(([id]) => id);
    progress('a', `${published.length} messages on ${TOPIC} for ${byWebhook.size} webhooks (${stored.size} stored): ${lost.length} lost, ${duplicated.length} under two event ids, ${copies} second copies of an event (deduped downstream), ${phantom.length} never sent, ${wrongEventId.length} with an event id other than their stored row's`);
    expect(lost.slice(0, 10)).toEqual([]);
    expect(duplicated.slice(0, 10)).toEqual([]);
    expect(phantom.slice(0, 10)).toEqual([]);
    expect(wrongEventId.slice(0, 10)).toEqual([]);
    expect(stored.size).toBe(acked.length);

    // Per key: the published order (first appearance, offset order) is the acknowledged order.
    const publishedByKey = groupBy(published, (m) => m.key!);
    const reordered = load.byKey
      .map((sent) => ({ expected: sent.filter((w) => w.ackedInTurn).map((w) => w.id), key: sent[0]?.messageKey ?? '' }))
      .filter(({ expected, key }) => {
        const inTurn = new Set(expected);
        const seen = [...new Set((publishedByKey.get(key) ?? []).map((m) => String(m.value.transactionId)))].filter((id) => inTurn.has(id));
        return JSON.stringify(seen) !== JSON.stringify(expected);
      })
      .map(({ key }) => key);
    progress('a', `per-key order: ${publishedByKey.size} keys, ${reordered.length} out of acknowledged order`);
    expect(reordered).toEqual([]);

    // One downstream effect per event: cards' inbox, p100_events and card_transactions.
    const eventIds = [...new Set(published.map((m) => m.eventId!))];
    await waitUntil(async () => (await count(`SELECT count(*) FROM cards.inbox WHERE event_id = ANY($1)`, [eventIds])) === eventIds.length, CATCH_UP_MS, 'cards to consume every event');
    const effects = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM cards.inbox WHERE event_id = ANY($1) AND outcome = 'processed') AS processed,
                (SELECT count(*)::int FROM cards.inbox WHERE event_id = ANY($1) AND outcome <> 'processed') AS dead_lettered,
                (SELECT count(*)::int FROM cards.p100_events WHERE event_id = ANY($1)) AS recorded,
                (SELECT count(*)::int FROM cards.card_transactions WHERE card_id LIKE $2) AS transactions,
                (SELECT count(DISTINCT transaction_id)::int FROM cards.card_transactions WHERE card_id LIKE $2) AS distinct_transactions`,
        [eventIds, `${prefix}%`],
      )
    ).rows[0];
    progress('a', `cards: ${JSON.stringify(effects)} for ${eventIds.length} events, ${at() - sentMs} ms after the last request`);
    expect(effects).toEqual({ processed: acked.length, dead_lettered: 0, recorded: acked.length, transactions: acked.length, distinct_transactions: acked.length });
  }, sized(300_000, 1_500_000));

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await db.query(sql, params)).rows[0].count);
  }
});

async function leaderOfPartitionZero(brokers: string[], topic: string): Promise<number> {
  const admin = new Kafka({ clientId: 'faults-a-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0]!.partitions.find((p) => p.partitionId === 0)!.leader;
  } finally {
    await admin.disconnect();
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(250);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
