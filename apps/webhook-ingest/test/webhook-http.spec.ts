import { randomUUID } from 'node:crypto';
import { OutboxRelay } from '@platform/database';
import { MessageHeaders, WEBHOOK_CATALOG, webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { KafkaTestConsumer } from '@platform/testing';
import { ReceivedWebhooksRetention } from '../src/retention/received-webhooks-retention';
import { ADMIN_TOKEN, PREVIOUS_TOKEN, count, deliver, dropSchema, inSchema, startIngestApp, waitUntil, type IngestApp } from './support/ingest-app';

const userStatus = webhookSpecByEvent('user-status')!;

describe('webhook-ingest over HTTP (real Postgres and broker)', () => {
  let ingest: IngestApp;
  let consumer: KafkaTestConsumer;
  const stored = () => count(ingest.schema, 'SELECT count(*) FROM received_webhooks');
  const outboxed = () => count(ingest.schema, 'SELECT count(*) FROM outbox');
  const admin = (path: string, init: RequestInit = {}, token: string | null = ADMIN_TOKEN) =>
    fetch(`${ingest.url}/admin/${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  beforeAll(async () => {
    consumer = await KafkaTestConsumer.start([...new Set(WEBHOOK_CATALOG.map((s) => webhookTopic(s.family)))]);
    ingest = await startIngestApp();
  });
  afterAll(async () => {
    await ingest?.close();
    await consumer?.stop();
    if (ingest) await dropSchema(ingest.schema);
  });

  it('refuses a missing or wrong token, an oversized body and malformed JSON with the right 4xx, storing and publishing nothing', async () => {
    const user = `u-${randomUUID()}`;
    const body = { externalUserId: user, status: 'ACTIVE' };
    const noToken = await deliver(ingest.url, userStatus.path, body, null);
    const wrongToken = await deliver(ingest.url, userStatus.path, body, 'not-the-token-at-all-0000');
    const tooLarge = await deliver(ingest.url, userStatus.path, { externalUserId: user, status: 'ACTIVE', pad: 'x'.repeat(20 * 1024) });
    const malformed = await deliver(ingest.url, userStatus.path, '{"externalUserId":');
    const notAnObject = await deliver(ingest.url, userStatus.path, '[1,2]');
    expect([noToken.status, wrongToken.status, tooLarge.status, malformed.status, notAnObject.status]).toEqual([401, 401, 413, 400, 400]);
    expect((await noToken.json()).error.code).toBe('UNAUTHENTICATED');
    expect((await tooLarge.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await malformed.json()).error.code).toBe('MALFORMED_JSON');
    expect(await stored()).toBe(0);
    expect(await outboxed()).toBe(0);
    expect(await count(ingest.schema, 'SELECT count(*) FROM quarantined_webhooks')).toBe(0);
    // Nothing reached Kafka either: wait for a later, valid event of the same key and look behind it.
    const ok = await deliver(ingest.url, userStatus.path, { externalUserId: user, status: 'WAITING' });
    expect(ok.status).toBe(200);
    await consumer.waitFor((m) => m.key === user);
    expect(consumer.messages.filter((m) => m.key === user).map((m) => m.value.status)).toEqual(['WAITING']);
  });

  it('accepts the previous secret during a rotation', async () => {
    const res = await deliver(ingest.url, userStatus.path, { externalUserId: `u-${randomUUID()}`, status: 'ACTIVE' }, PREVIOUS_TOKEN);
    expect(res.status).toBe(200);
  });

  it('stores and publishes every catalog event type on its topic, keyed by its entity, with the platform headers', async () => {
    const run = randomUUID();
    const responses = await Promise.all(
      WEBHOOK_CATALOG.map((spec) => {
        const payload: Record<string, unknown> = { status: 'DONE', amount: 0.1, run };
        for (const field of new Set([...spec.keyFields, ...spec.dedupeFields])) payload[field] ??= `${spec.event}-${field}-${run}`;
        return deliver(ingest.url, spec.path, payload);
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(WEBHOOK_CATALOG.map(() => 200));
    for (const spec of WEBHOOK_CATALOG) {
      const key = `${spec.event}-${spec.keyFields[0]}-${run}`;
      const message = await consumer.waitFor((m) => m.key === key);
      expect(message.topic).toBe(webhookTopic(spec.family));
      expect(message.headers[MessageHeaders.type]).toBe(`p100.webhook.${spec.event}.v1`);
      expect(message.headers[MessageHeaders.eventId]).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(message.headers[MessageHeaders.occurredAt]!)).not.toBeNaN();
      expect(message.headers[MessageHeaders.correlationId]).toBeTruthy();
      expect(message.value.amount).toBe(0.1); // the exact decimal text "0.1" travels unchanged
    }
  });

  it('answers 202 to an authenticated event of an unknown type and keeps it in quarantine', async () => {
    const res = await deliver(ingest.url, '/webhook/brand-new-event/status', { id: 'x1', status: 'NEW' });
    expect(res.status).toBe(202);
    const list = await (await admin('quarantine')).json();
    expect(list.items).toEqual([expect.objectContaining({ path: '/webhook/brand-new-event/status', reason: 'unknown webhook path' })]);
    expect(JSON.parse(list.items[0].body)).toEqual({ id: 'x1', status: 'NEW' });
  });

  it('protects the operator API with its own token', async () => {
    expect((await admin('webhooks', {}, null)).status).toBe(401);
    expect((await admin('webhooks', {}, 'wrong-admin-token-0000000000')).status).toBe(401);
    // P100's webhook token is not an admin token.
    const withWebhookToken = await fetch(`${ingest.url}/admin/webhooks`, { headers: { authorization: 'Bearer test-webhook-token-current-0001' } });
    expect(withWebhookToken.status).toBe(401);
    const replayWithoutToken = await fetch(`${ingest.url}/admin/webhooks/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'user-status' }),
    });
    expect(replayWithoutToken.status).toBe(401);
    // A path under /admin that is no operator route is a webhook path like any other: P100's token first.
    const strayAdminPath = await deliver(ingest.url, '/admin/anything', { id: 'x' }, null);
    expect(strayAdminPath.status).toBe(401);
    expect(await count(ingest.schema, `SELECT count(*) FROM quarantined_webhooks WHERE path = '/admin/anything'`)).toBe(0);
  });

  it('lists, inspects and replays stored events with their original event id', async () => {
    const user = `u-${randomUUID()}`;
    expect((await deliver(ingest.url, userStatus.path, { externalUserId: user, status: 'ACTIVE' })).status).toBe(200);
    const first = await consumer.waitFor((m) => m.key === user);
    const eventId = first.headers[MessageHeaders.eventId]!;

    const list = await (await admin(`webhooks?event=user-status&limit=500`)).json();
    const summary = list.items.find((i: { id: string }) => i.id === eventId);
    expect(summary).toEqual(expect.objectContaining({ event: 'user-status', dedupeKey: expect.stringMatching(/^user-status:v2:[0-9a-f]{64}$/), messageKey: user }));
    await waitUntil(async () => (await (await admin(`webhooks/${eventId}`)).json()).publication === 'published', 5_000, 'publication');
    const detail = await (await admin(`webhooks/${eventId}`)).json();
    expect(JSON.parse(detail.body)).toEqual({ externalUserId: user, status: 'ACTIVE' });
    expect((await admin(`webhooks/${randomUUID()}`)).status).toBe(404);
    expect((await admin('webhooks/not-a-uuid')).status).toBe(400);

    expect((await admin('webhooks/replay', { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await admin('webhooks/replay', { method: 'POST', body: JSON.stringify({ event: 'no-such-event' }) })).status).toBe(400);
    const replay = await admin('webhooks/replay', { method: 'POST', body: JSON.stringify({ ids: [eventId] }) });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual(expect.objectContaining({ replayed: 1, truncated: false }));
    await consumer.waitFor((m) => m.key === user && !!m.headers['replayed-at']);
    const mine = consumer.messages.filter((m) => m.key === user);
    expect(mine.map((m) => m.headers[MessageHeaders.eventId])).toEqual([eventId, eventId]);
    expect(mine[1]!.headers[MessageHeaders.occurredAt]).toBe(mine[0]!.headers[MessageHeaders.occurredAt]);

    // By type and time range: every user-status event received in the window, once each. The
    // consumer can see the replayed message before the relay has marked it published; until then
    // the range replay rightly counts it as already pending, so wait for the mark first.
    await waitUntil(async () => (await (await admin(`webhooks/${eventId}`)).json()).publication === 'published', 5_000, 'replay publication');
    const from = new Date(Date.parse(detail.receivedAt) - 1).toISOString();
    const byRange = await (await admin('webhooks/replay', { method: 'POST', body: JSON.stringify({ event: 'user-status', from }) })).json();
    expect(byRange.replayed).toBeGreaterThanOrEqual(1);
    expect(byRange.lastReceivedAt >= detail.receivedAt).toBe(true);
  });

  it('deletes old received webhooks once published, never one still waiting for Kafka', async () => {
    const published = randomUUID();
    const waiting = randomUUID();
    // The relay is stopped so that the "waiting" row stays unpublished while the retention runs.
    const relay = ingest.app.get(OutboxRelay);
    await relay.stop();
    await inSchema(ingest.schema, async (c) => {
      for (const [id, publishedAt] of [
        [published, 'now()'],
        [waiting, 'NULL'],
      ] as const) {
        await c.query(
          `INSERT INTO received_webhooks (id, event, dedupe_key, message_key, payload, received_at)
           VALUES ($1, 'user-status', $2, 'old-user', '{}', now() - interval '40 days')`,
          [id, `old:${id}`],
        );
        await c.query(
          `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, occurred_at, published_at)
           VALUES ($1, 'p100.webhooks.user', 'old-user', 'p100.webhook.user-status.v1', '{}', now() - interval '40 days', ${publishedAt})`,
          [id],
        );
      }
    });
    // Quarantine is under the same retention (issue 8, finding 7): the old row goes, a new one stays.
    const [oldQuarantined, newQuarantined] = [randomUUID(), randomUUID()];
    await inSchema(ingest.schema, (c) =>
      c.query(
        `INSERT INTO quarantined_webhooks (id, path, body, reason, received_at) VALUES
           ($1, '/webhook/unknown', '{}', 'unknown webhook path', now() - interval '40 days'),
           ($2, '/webhook/unknown', '{}', 'unknown webhook path', now())`,
        [oldQuarantined, newQuarantined],
      ),
    );
    const deleted = await ingest.app.get(ReceivedWebhooksRetention).runOnce();
    expect(deleted).toBe(2);
    const quarantine = await inSchema(ingest.schema, async (c) => (await c.query('SELECT id FROM quarantined_webhooks WHERE id = ANY($1)', [[oldQuarantined, newQuarantined]])).rows);
    expect(quarantine).toEqual([{ id: newQuarantined }]);
    await inSchema(ingest.schema, (c) => c.query('DELETE FROM quarantined_webhooks WHERE id = $1', [newQuarantined]));
    const left = await inSchema(ingest.schema, async (c) => (await c.query('SELECT id FROM received_webhooks WHERE message_key = $1', ['old-user'])).rows);
    expect(left).toEqual([{ id: waiting }]);
    await inSchema(ingest.schema, (c) => c.query('DELETE FROM outbox WHERE event_id = $1', [waiting]));
    await relay.start();
  });

  it('exposes the webhook_ingest_* metrics', async () => {
    const text = await (await fetch(`${ingest.url}/metrics`)).text();
    for (const name of [
      'webhook_ingest_received_total',
      'webhook_ingest_duplicates_total',
      'webhook_ingest_auth_rejected_total',
      'webhook_ingest_invalid_total',
      'webhook_ingest_quarantined_total',
      'webhook_ingest_published_total',
      'webhook_ingest_publish_lag_seconds_bucket',
      'webhook_ingest_backlog',
      'webhook_ingest_oldest_unpublished_age_seconds',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/webhook_ingest_auth_rejected_total\{[^}]*\} 3/); // no token, wrong token, stray /admin path
    expect(text).toMatch(/webhook_ingest_invalid_total\{[^}]*reason="too_large"[^}]*\} 1/);
    expect(text).toMatch(/webhook_ingest_invalid_total\{[^}]*reason="malformed"[^}]*\} 2/);
  });
});
