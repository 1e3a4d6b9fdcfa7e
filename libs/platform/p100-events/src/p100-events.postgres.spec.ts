import type { DataSource } from 'typeorm';
import { MessageHeaders, webhookMessageType, type IncomingMessage } from '@platform/contracts';
import { createDataSource, runMigrations, type InboxContext } from '@platform/database';
import { testEnv, uniqueName } from '@platform/testing';
import { createP100EventsMigration } from './create-p100-events.migration';
import { ListP100EventsQuery, listP100EventsSchema, listP100EventsType } from './list-p100-events.query';
import { P100EventRecorder } from './p100-event.recorder';
import type { P100Payload, P100PayloadRedactor } from './p100-payload';
import { p100WebhookHandlers } from './p100-webhook.handlers';

const EXCHANGE_TYPE = webhookMessageType('exchange');
const THREE_DS_TYPE = webhookMessageType('card-3ds-code');

describe('P100 event recording and listing (real Postgres)', () => {
  let dataSource: DataSource;
  let schema: string;

  beforeAll(async () => {
    schema = uniqueName('t_p100_events').toLowerCase();
    dataSource = createDataSource({ url: testEnv().databaseUrl, schema, migrations: [createP100EventsMigration(1763900000300)], poolSize: 3 });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
  });
  beforeEach(() => dataSource.query('TRUNCATE p100_events'));

  const message = (key: string | null, headers: Record<string, string> = {}): IncomingMessage => ({
    topic: 'p100.webhooks.exchange',
    partition: 0,
    offset: '7',
    key,
    headers: { [MessageHeaders.occurredAt]: '2026-11-23T10:00:00.000Z', ...headers },
    value: null,
  });

  /** One inbox transaction per event, as the inbox consumer runs it; separate ones get distinct received_at. */
  const record = (recorder: P100EventRecorder, eventId: string, type: string, payload: P100Payload, msg = message('exchange-1')) =>
    dataSource.transaction((manager) => recorder.record(payload, { manager, eventId, type, message: msg } satisfies InboxContext));

  const rows = (): Promise<Array<Record<string, unknown>>> =>
    dataSource.query('SELECT event_id, event_type, topic, message_key, payload, occurred_at FROM p100_events ORDER BY event_id');

  describe('P100EventRecorder', () => {
    it('stores the event with its topic, key and occurrence time, and a second delivery changes nothing', async () => {
      const recorder = new P100EventRecorder({});
      await record(recorder, 'evt-1', EXCHANGE_TYPE, { exchangeId: 'exchange-1', status: 'SUCCESS', amount: '12.50' });
      await record(recorder, 'evt-1', EXCHANGE_TYPE, { exchangeId: 'exchange-1', status: 'FAILED' });

      expect(await rows()).toEqual([
        {
          event_id: 'evt-1',
          event_type: EXCHANGE_TYPE,
          topic: 'p100.webhooks.exchange',
          message_key: 'exchange-1',
          payload: { exchangeId: 'exchange-1', status: 'SUCCESS', amount: '12.50' },
          occurred_at: new Date('2026-11-23T10:00:00.000Z'),
        },
      ]);
    });

    it('stores what the redactor returns for the event type, never the payload as received', async () => {
      const seen: Array<[P100Payload, string]> = [];
      const redact: P100PayloadRedactor = (payload, type) => {
        seen.push([payload, type]);
        return { ...payload, code: '[redacted]' };
      };
      await record(new P100EventRecorder({ redact }), 'evt-3ds', THREE_DS_TYPE, { cardId: 'card-1', code: '493817' });

      expect(seen).toEqual([[{ cardId: 'card-1', code: '493817' }, THREE_DS_TYPE]]);
      expect((await rows())[0]).toMatchObject({ event_type: THREE_DS_TYPE, payload: { cardId: 'card-1', code: '[redacted]' } });
      expect(JSON.stringify(await rows())).not.toContain('493817');
    });

    it('keeps an event whose occurred-at header is malformed or missing, without an occurrence time', async () => {
      const recorder = new P100EventRecorder({});
      await record(recorder, 'evt-a', EXCHANGE_TYPE, {}, message(null, { [MessageHeaders.occurredAt]: 'yesterday-ish' }));
      await record(recorder, 'evt-b', EXCHANGE_TYPE, {}, { ...message(null), headers: {} });
      expect((await rows()).map((row) => [row.event_id, row.message_key, row.occurred_at])).toEqual([
        ['evt-a', null, null],
        ['evt-b', null, null],
      ]);
    });
  });

  describe('p100WebhookHandlers', () => {
    it("handles exactly the catalog events of the given families, under their message types", () => {
      const handlers = p100WebhookHandlers(['card', 'order'], new P100EventRecorder({}));
      expect(Object.keys(handlers).sort()).toEqual(
        ['card-3ds-code', 'card-activation-code', 'card-transaction', 'order-status', 'payment-link'].map(webhookMessageType).sort(),
      );
    });

    it('accepts any JSON object, refuses anything else, and records through the recorder', async () => {
      const handler = p100WebhookHandlers(['exchange'], new P100EventRecorder({}))[EXCHANGE_TYPE]!;
      expect(handler.schema.safeParse({ unexpected: { nested: true } }).success).toBe(true);
      expect(handler.schema.safeParse(['not', 'an', 'object']).success).toBe(false);
      expect(handler.schema.safeParse('text').success).toBe(false);

      await dataSource.transaction((manager) =>
        handler.handle({ exchangeId: 'exchange-2' }, { manager, eventId: 'evt-h', type: EXCHANGE_TYPE, message: message('exchange-2') }),
      );
      expect(await rows()).toMatchObject([{ event_id: 'evt-h', payload: { exchangeId: 'exchange-2' } }]);
    });
  });

  describe('dead letters', () => {
    it('carry the same redaction as the table when the service redacts, and the original bytes otherwise', () => {
      const redact = (payload: Record<string, unknown>) => ({ ...payload, code: '[redacted]' });
      const redacting = p100WebhookHandlers(['card'], new P100EventRecorder({ redact }))[webhookMessageType('card-3ds-code')]!;
      expect(redacting.redactDeadLetter?.({ cardId: 'c1', code: '493817' })).toEqual({ cardId: 'c1', code: '[redacted]' });
      // A body it cannot read may still hold a code: withheld, not passed on.
      expect(redacting.redactDeadLetter?.('code 493817')).not.toContain('493817');

      const plain = p100WebhookHandlers(['exchange'], new P100EventRecorder({}))[EXCHANGE_TYPE]!;
      expect(plain.redactDeadLetter).toBeUndefined();
    });
  });

  describe('ListP100EventsQuery', () => {
    const recordThree = async () => {
      const recorder = new P100EventRecorder({});
      await record(recorder, 'evt-old', EXCHANGE_TYPE, { status: 'PENDING' });
      await record(recorder, 'evt-mid', EXCHANGE_TYPE, { status: 'PROCESSING' });
      await record(recorder, 'evt-new', EXCHANGE_TYPE, { status: 'SUCCESS' });
    };

    it('names the command after the service', () => {
      expect(listP100EventsType('payments')).toBe('payments.list-p100-events.v1');
    });

    it('lists the latest events newest first, with occurrence time and payload when configured to', async () => {
      await recordThree();
      const { events } = await new ListP100EventsQuery(dataSource, { includePayloads: true }).handle({ limit: 2 });

      expect(events.map((e) => e.eventId)).toEqual(['evt-new', 'evt-mid']);
      expect(events[0]).toEqual({
        type: EXCHANGE_TYPE,
        key: 'exchange-1',
        eventId: 'evt-new',
        occurredAt: '2026-11-23T10:00:00.000Z',
        receivedAt: expect.any(String),
        payload: { status: 'SUCCESS' },
      });
      expect(Date.parse(events[0]!.receivedAt)).not.toBeNaN();
    });

    it('lists only type, key, event id and reception time without payloads', async () => {
      await recordThree();
      const { events } = await new ListP100EventsQuery(dataSource, { includePayloads: false }).handle({});

      expect(events.map((e) => e.eventId)).toEqual(['evt-new', 'evt-mid', 'evt-old']);
      for (const event of events) expect(Object.keys(event).sort()).toEqual(['eventId', 'key', 'receivedAt', 'type']);
      expect(JSON.stringify(events)).not.toMatch(/PENDING|PROCESSING|SUCCESS/);
    });

    it('returns 20 events when no limit is given', async () => {
      await dataSource.query(
        `INSERT INTO p100_events (event_id, event_type, topic, payload)
         SELECT 'evt-' || n, $1, 'p100.webhooks.exchange', '{}'::jsonb FROM generate_series(1, 21) AS n`,
        [EXCHANGE_TYPE],
      );
      const query = new ListP100EventsQuery(dataSource, { includePayloads: false });
      expect((await query.handle(listP100EventsSchema.parse(undefined))).events).toHaveLength(20);
    });

    it('validates the limit: a whole number from 1 to 100, and nothing else in the payload', () => {
      expect(listP100EventsSchema.safeParse({ limit: 100 }).success).toBe(true);
      for (const input of [{ limit: 0 }, { limit: 101 }, { limit: 2.5 }, { limit: '5' }, { limit: 5, offset: 10 }]) {
        expect(listP100EventsSchema.safeParse(input).success).toBe(false);
      }
    });
  });
});
