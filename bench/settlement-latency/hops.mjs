// Where a settlement's time goes, hop by hop, from instants the path leaves behind anyway: the
// bench's own (sent, answered, read), webhook-ingest's outbox row (published_at: the relay's
// transaction start), the Kafka timestamps (CreateTime: when each relay's producer built the
// message), payments' inbox row (received_at: its transaction start) and its outbox row
// (occurred_at: written by the handler; published_at: its relay's transaction start). One clock
// (one machine); Postgres instants in µs, Kafka's in ms.

const HOPS = [
  ['POST → 200 (ingest: checks, group commit)', 'sent', 'ack'],
  ['POST → ingest relay batch starts (commit, NOTIFY, wake-up)', 'sent', 'ingestRelay'],
  ['ingest relay start → webhook produced (SELECT, send)', 'ingestRelay', 'webhookProduced'],
  ['webhook produced → payments inbox transaction starts (fetch, lanes)', 'webhookProduced', 'paymentsTx'],
  ['payments transaction → settlement row written (inbox, p100_events, movement, ledger)', 'paymentsTx', 'settlementRow'],
  ['settlement row → payments relay batch starts (commit, NOTIFY, wake-up)', 'settlementRow', 'paymentsRelay'],
  ['payments relay start → settlement produced (SELECT, send)', 'paymentsRelay', 'settlementProduced'],
  ['settlement produced → read by the outside consumer', 'settlementProduced', 'read'],
  ['(reference) webhook produced → read by the outside consumer', 'webhookProduced', 'webhookRead'],
  ['total: POST → settlement read', 'sent', 'read'],
];

const ms = (column) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * @param {{ db: import('pg').Client, schemas: { ingest: string, payments: string }, deposits: Array<{ label: string, id: string, sentAt: number, ackAt: number, webhook: any, settled: any }> }} o
 * @returns {Promise<string>} a Markdown table: p50 / p99 of each hop, per concurrency label.
 */
export async function hopBreakdown({ db, schemas, deposits }) {
  const webhookEventIds = deposits.map((d) => d.webhook.message.headers['event-id'].toString());
  const settlementEventIds = deposits.map((d) => d.settled.message.headers['event-id'].toString());
  const ingest = new Map(
    (await db.query(`SELECT event_id::text AS id, ${ms('published_at')} AS published FROM ${schemas.ingest}.outbox WHERE event_id = ANY($1::uuid[])`, [webhookEventIds])).rows.map((r) => [r.id, r]),
  );
  const inbox = new Map(
    (await db.query(`SELECT event_id AS id, ${ms('received_at')} AS received FROM ${schemas.payments}.inbox WHERE event_id = ANY($1::text[])`, [webhookEventIds])).rows.map((r) => [r.id, r]),
  );
  const outbox = new Map(
    (
      await db.query(`SELECT event_id::text AS id, ${ms('occurred_at')} AS occurred, ${ms('published_at')} AS published FROM ${schemas.payments}.outbox WHERE event_id = ANY($1::uuid[])`, [
        settlementEventIds,
      ])
    ).rows.map((r) => [r.id, r]),
  );
  const byLabel = new Map();
  deposits.forEach((d, i) => {
    const instants = {
      sent: d.sentAt,
      ack: d.ackAt,
      ingestRelay: ingest.get(webhookEventIds[i])?.published,
      webhookProduced: Number(d.webhook.message.timestamp),
      webhookRead: d.webhook.readAt,
      paymentsTx: inbox.get(webhookEventIds[i])?.received,
      settlementRow: outbox.get(settlementEventIds[i])?.occurred,
      paymentsRelay: outbox.get(settlementEventIds[i])?.published,
      settlementProduced: Number(d.settled.message.timestamp),
      read: d.settled.readAt,
    };
    const list = byLabel.get(d.label) ?? [];
    list.push(instants);
    byLabel.set(d.label, list);
  });
  const labels = [...byLabel.keys()];
  const lines = [`| hop | ${labels.map((l) => `${l.replace(/^c/, '')} in flight: p50 / p99`).join(' | ')} |`, `|---|${labels.map(() => '---|').join('')}`];
  for (const [name, from, to] of HOPS) {
    const cells = labels.map((label) => {
      const spans = byLabel
        .get(label)
        .map((x) => x[to] - x[from])
        .filter((v) => Number.isFinite(v))
        .sort((a, b) => a - b);
      if (spans.length === 0) return 'n/a';
      const pct = (p) => spans[Math.min(spans.length - 1, Math.floor((p / 100) * spans.length))];
      return `${pct(50).toFixed(1)} / ${pct(99).toFixed(1)}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
