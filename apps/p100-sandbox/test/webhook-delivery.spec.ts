import { createUser, json, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { eventually, sleep, type ReceivedWebhook } from './support/webhook-receiver';
import { useTestSandbox } from './support/sandbox-fixture';

const USER_STATUS = '/webhook/user/status';

interface DeliveryView {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  redeliveryOf: string | null;
  attemptHistory: Array<{ attempt: number; statusCode: number | null; error: string | null }>;
}

/**
 * Time scale 0.01: P100's retries 8 s, 16 s, 32 s, 64 s become 80, 160, 320, 640 ms and its 30 s
 * timeout 300 ms.
 */
describe('webhook delivery', () => {
  const { sandbox, receiver } = useTestSandbox({ webhooks: true });
  /** Answers per user: the n-th webhook for a user gets plan[n] (the last entry repeats). */
  const plans = new Map<string, Array<{ status: number; delayMs?: number }>>();

  beforeAll(() => {
    receiver.respondWith((webhook) => {
      const plan = plans.get(String(webhook.body.externalUserId));
      if (!plan || webhook.path !== USER_STATUS) return { status: 200 };
      const seen = receiver.matching(USER_STATUS, String(webhook.body.externalUserId)).length;
      return plan[Math.min(seen - 1, plan.length - 1)]!;
    });
  });

  async function onboard(plan: Array<{ status: number; delayMs?: number }>): Promise<string> {
    const { externalUserId } = await createUser(sandbox);
    plans.set(externalUserId, plan);
    expect((await sandbox.p100('/v1/user/verification', json({ externalUserId }))).status).toBe(200);
    return externalUserId;
  }

  async function userStatusDelivery(externalUserId: string, status: string): Promise<DeliveryView> {
    return eventually(async () => {
      const response = await sandbox.admin(`/admin/webhooks/deliveries?externalUserId=${externalUserId}&event=user-status`);
      const { deliveries } = (await response.json()) as { deliveries: DeliveryView[] };
      return deliveries.find((d) => d.status === status);
    }, 5_000, `a ${status} user-status delivery`);
  }

  const gaps = (webhooks: ReceivedWebhook[]) => webhooks.slice(1).map((w, i) => w.receivedAt - webhooks[i]!.receivedAt);

  it('retries a receiver that answers 500 twice, on the scaled schedule, and stops after the 200: exactly 3 attempts', async () => {
    const externalUserId = await onboard([{ status: 500 }, { status: 500 }, { status: 200 }]);

    const attempts = await receiver.waitFor(USER_STATUS, externalUserId, 3);
    const [first, second] = gaps(attempts);
    expect(first).toBeGreaterThanOrEqual(75);
    expect(first).toBeLessThan(80 + 300);
    expect(second).toBeGreaterThanOrEqual(155);
    expect(second).toBeLessThan(160 + 300);

    const delivery = await userStatusDelivery(externalUserId, 'delivered');
    await sleep(500);
    expect(receiver.matching(USER_STATUS, externalUserId)).toHaveLength(3);
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    expect(delivery.attemptHistory.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    for (const attempt of attempts) expect(attempt.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);
  });

  it('gives up after 5 attempts spaced 80, 160, 320 and 640 ms and marks the delivery failed', async () => {
    const externalUserId = await onboard([{ status: 503 }]);

    const attempts = await receiver.waitFor(USER_STATUS, externalUserId, 5, 8_000);
    const observed = gaps(attempts);
    [80, 160, 320, 640].forEach((expected, i) => {
      expect(observed[i]).toBeGreaterThanOrEqual(expected - 5);
      expect(observed[i]).toBeLessThan(expected + 300);
    });

    const delivery = await userStatusDelivery(externalUserId, 'failed');
    expect(delivery).toMatchObject({ attempts: 5, lastStatusCode: 503 });
    await sleep(300);
    expect(receiver.matching(USER_STATUS, externalUserId)).toHaveLength(5);
  });

  it('counts a receiver slower than the (scaled) 30 s timeout as a failed attempt and retries', async () => {
    const externalUserId = await onboard([{ status: 200, delayMs: 1_000 }, { status: 200 }]);

    await receiver.waitFor(USER_STATUS, externalUserId, 2);
    const delivery = await userStatusDelivery(externalUserId, 'delivered');
    expect(delivery.attemptHistory).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: null, error: 'timed out after 300 ms' }),
      expect.objectContaining({ attempt: 2, statusCode: 200 }),
    ]);
  });

  it('redelivers a failed delivery as a new delivery linked to the original', async () => {
    const externalUserId = await onboard([{ status: 500 }]);
    const failed = await userStatusDelivery(externalUserId, 'failed');
    plans.set(externalUserId, [{ status: 200 }]);

    const response = await sandbox.admin(`/admin/webhooks/deliveries/${failed.id}/redeliver`, { method: 'POST' });

    expect(response.status).toBe(202);
    const created = (await response.json()) as DeliveryView;
    expect(created).toMatchObject({ event: 'user-status', redeliveryOf: failed.id });
    const delivered = await userStatusDelivery(externalUserId, 'delivered');
    expect(delivered.id).toBe(created.id);
    expect(receiver.matching(USER_STATUS, externalUserId)).toHaveLength(6);
  });

  it('answers 404 for the redelivery of an unknown delivery', async () => {
    const response = await sandbox.admin('/admin/webhooks/deliveries/00000000-0000-4000-8000-000000000000/redeliver', { method: 'POST' });
    expect(response.status).toBe(404);
  });
});

describe('webhook delivery without a partner URL', () => {
  const { sandbox } = useTestSandbox();

  it('sends nothing and records the deliveries as skipped', async () => {
    const { externalUserId } = await createUser(sandbox);
    await sandbox.p100('/v1/user/verification', json({ externalUserId }));

    const skipped = await eventually(async () => {
      const { deliveries } = await (await sandbox.admin(`/admin/webhooks/deliveries?externalUserId=${externalUserId}&event=user-status`)).json();
      return deliveries.find((d: DeliveryView) => d.status === 'skipped') as DeliveryView | undefined;
    }, 5_000, 'a skipped delivery');
    expect(skipped).toMatchObject({ attempts: 0, lastError: 'P100_SANDBOX_WEBHOOK_URL is not set' });
  });
});
