import { DataSource } from 'typeorm';
import { enqueueWebhook } from '../src/webhooks/enqueue-webhook';
import { json, type TestSandbox } from './support/test-sandbox';
import { createActiveUser, credit, settled } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';
import { eventually } from './support/webhook-receiver';

const TRANSFER_WEBHOOK = '/transfer-webhook';

interface DeliveryView {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  attemptHistory: unknown[];
}

function putDrop(sandbox: TestSandbox, event: string, body?: unknown): Promise<Response> {
  return sandbox.admin(`/admin/webhooks/drops/${event}`, { ...json(body ?? {}), method: 'PUT' });
}

async function drops(sandbox: TestSandbox): Promise<any[]> {
  return (await (await sandbox.admin('/admin/webhooks/drops')).json()).drops;
}

async function deliveries(sandbox: TestSandbox, event: string): Promise<DeliveryView[]> {
  return (await (await sandbox.admin(`/admin/webhooks/deliveries?event=${event}&limit=1000`)).json()).deliveries;
}

describe('webhook drops (P100 never delivers this webhook)', () => {
  const { sandbox, receiver } = useTestSandbox({ webhooks: true });

  afterEach(async () => {
    expect((await sandbox.admin('/admin/webhooks/drops', { method: 'DELETE' })).status).toBe(200);
  });

  /** Funds a new user from the partner balance; answers the transfer id once settled. */
  async function settledTransferTo(externalUserId: string): Promise<string> {
    const response = await sandbox.p100('/v1/transfer', json({ destinationExternalUserId: externalUserId, amount: '1', currency: 'eur' }));
    expect(response.status).toBe(201);
    const { transferId } = await response.json();
    expect((await settled(sandbox, `/v1/transfer/details/${transferId}`)).status).toBe('SUCCESSFUL');
    return transferId;
  }

  const transferDelivery = async (transferId: string) =>
    eventually(async () => (await deliveries(sandbox, 'internal-transfer')).find((d) => d.payload.id === transferId), 5_000, `the delivery of ${transferId}`);

  it('drops the next internal-transfer webhook only: recorded as dropped, never attempted; the next one is sent', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { partner: true }, 'eur', '10');

    const put = await putDrop(sandbox, 'internal-transfer', { count: 1 });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ event: 'internal-transfer', externalUserId: null, count: 1, remaining: 1, updatedAt: expect.any(String) });

    const dropped = await settledTransferTo(externalUserId);
    const sent = await settledTransferTo(externalUserId);

    // The second one arriving shows the worker ran past the first, which was never queued to send.
    await receiver.whenReceived(TRANSFER_WEBHOOK, (b) => b.id === sent);
    expect(receiver.received.filter((w) => w.body.id === dropped)).toEqual([]);
    expect(await transferDelivery(dropped)).toMatchObject({
      status: 'dropped',
      attempts: 0,
      nextAttemptAt: null,
      attemptHistory: [],
      lastError: expect.stringContaining('PUT /admin/webhooks/drops/internal-transfer'),
    });
    expect(await transferDelivery(sent)).toMatchObject({ status: 'delivered', attempts: 1 });

    expect(await drops(sandbox)).toEqual([expect.objectContaining({ event: 'internal-transfer', count: 1, remaining: 0 })]);
    const onlyDropped = await (await sandbox.admin('/admin/webhooks/deliveries?status=dropped')).json();
    expect(onlyDropped.deliveries.map((d: DeliveryView) => d.payload.id)).toEqual([dropped]);
  });

  it('sends a redelivery of a dropped webhook (the webhook that arrives late), even while a drop is in force', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { partner: true }, 'eur', '10');
    await putDrop(sandbox, 'internal-transfer', { count: 5 });
    const transferId = await settledTransferTo(externalUserId);
    const original = await transferDelivery(transferId);
    expect(original.status).toBe('dropped');

    const redelivered = await sandbox.admin(`/admin/webhooks/deliveries/${original.id}/redeliver`, { method: 'POST' });
    expect(redelivered.status).toBe(202);
    await receiver.whenReceived(TRANSFER_WEBHOOK, (b) => b.id === transferId);
    expect(await drops(sandbox)).toEqual([expect.objectContaining({ remaining: 4 })]);
  });

  it("with externalUserId drops only webhooks whose payload names that user (internal transfers: source or destination)", async () => {
    const [target, other] = [await createActiveUser(sandbox), await createActiveUser(sandbox)];
    await credit(sandbox, { partner: true }, 'eur', '10');
    expect((await putDrop(sandbox, 'internal-transfer', { externalUserId: target.externalUserId, count: 2 })).status).toBe(200);

    const toOther = await settledTransferTo(other.externalUserId);
    const toTarget = await settledTransferTo(target.externalUserId);
    await receiver.whenReceived(TRANSFER_WEBHOOK, (b) => b.id === toOther);
    expect((await transferDelivery(toTarget)).status).toBe('dropped');
    expect(await drops(sandbox)).toEqual([expect.objectContaining({ externalUserId: target.externalUserId, count: 2, remaining: 1 })]);
  });

  it('never drops more than count when many webhooks of the event are enqueued at once', async () => {
    await putDrop(sandbox, 'exchange', { count: 3 });
    const dataSource = sandbox.app.get(DataSource);
    const marker = crypto.randomUUID();
    // Each enqueue's transaction stays open a moment, so they overlap on the drop's row.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        dataSource.transaction(async (tx) => {
          await enqueueWebhook(tx, { event: 'exchange', payload: { exchangeId: `${marker}-${i}`, status: 'COMPLETED' } });
          await tx.query('SELECT pg_sleep(0.05)');
        }),
      ),
    );
    const mine = (await deliveries(sandbox, 'exchange')).filter((d) => String(d.payload.exchangeId).startsWith(marker));
    expect(mine).toHaveLength(8);
    expect(mine.filter((d) => d.status === 'dropped')).toHaveLength(3);
    expect(await drops(sandbox)).toEqual([expect.objectContaining({ event: 'exchange', remaining: 0 })]);
  });

  it('replaces a drop on PUT, lists drops, and clears them on DELETE and on reset', async () => {
    await putDrop(sandbox, 'crypto-withdrawal', { count: 5 });
    await putDrop(sandbox, 'crypto-withdrawal', { count: 2 });
    await putDrop(sandbox, 'exchange');
    expect(await drops(sandbox)).toEqual([
      expect.objectContaining({ event: 'crypto-withdrawal', externalUserId: null, count: 2, remaining: 2 }),
      expect.objectContaining({ event: 'exchange', externalUserId: null, count: 1, remaining: 1 }),
    ]);

    expect(await (await sandbox.admin('/admin/webhooks/drops', { method: 'DELETE' })).json()).toEqual({ cleared: true });
    expect(await drops(sandbox)).toEqual([]);

    await putDrop(sandbox, 'user-sepa-transfer', { count: 3 });
    expect((await sandbox.admin('/admin/reset', { method: 'POST' })).status).toBe(200);
    expect(await drops(sandbox)).toEqual([]);
  });

  it('rejects an event outside the catalog, a bad count, an unknown field and a user drop that could never match', async () => {
    const unknown = await putDrop(sandbox, 'transfer', { count: 1 });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^event: must be an event of the webhook catalog: .*internal-transfer/) },
    });
    for (const count of [0, 1001, 1.5, '2']) {
      const bad = await putDrop(sandbox, 'exchange', { count });
      expect({ count, status: bad.status }).toEqual({ count, status: 400 });
    }
    const typo = await putDrop(sandbox, 'exchange', { externalUserID: 'u-1' });
    expect(typo.status).toBe(400);
    const unmatchable = await putDrop(sandbox, 'user-sepa-transfer', { externalUserId: 'u-1' });
    expect(unmatchable.status).toBe(400);
    expect((await unmatchable.json()).error.message).toMatch(/^externalUserId: user-sepa-transfer payloads name no user/);
    expect(await drops(sandbox)).toEqual([]);
  });
});
