import { json } from './support/test-sandbox';
import { type ReceivedWebhook } from './support/webhook-receiver';
import { exactJson, partnerBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const PAYMENT_LINK = '/webhook/payment-link/status';

describe('payment links and hosted checkouts', () => {
  const { sandbox, receiver } = useTestSandbox({
    webhooks: true,
    env: {
      P100_SANDBOX_CHECKOUT_BASE_URL: 'https://pay.sandbox.test/',
      // 100 s of P100 time × 0.01 = a 1 s payment window.
      P100_SANDBOX_PAYMENT_WINDOW_MS: '100000',
    },
  });

  const webhook = async (paymentLinkId: string): Promise<ReceivedWebhook> =>
    (await receiver.whenReceived(PAYMENT_LINK, (b) => b.paymentLinkId === paymentLinkId))[0]!;

  const generate = async (path: string, body: Record<string, unknown>) => {
    const response = await sandbox.p100(path, json(body));
    expect(response.status).toBe(201);
    return (await response.json()) as { paymentLinkId: string; url: string };
  };

  it('generates a payment link and a hosted checkout, each with its own URL, ACTIVE until paid', async () => {
    const link = await generate('/v1/payment-link', { amount: '49.90', description: 'Order #1234', redirectUrl: 'https://shop.example.com/thanks' });
    expect(link.url).toBe(`https://pay.sandbox.test/pay/${link.paymentLinkId}`);
    const checkout = await generate('/v1/payment-link/hosted-checkout', { amount: '10', currency: 'EUR' });
    expect(checkout.url).toBe(`https://pay.sandbox.test/checkout/${checkout.paymentLinkId}`);

    expect(await exactJson(await sandbox.p100(`/v1/payment-link/details/${link.paymentLinkId}`))).toEqual({
      paymentLinkId: link.paymentLinkId,
      status: 'ACTIVE',
      amount: '49.9',
      currency: 'eur',
      url: link.url,
      createdAt: expect.any(String),
    });
  });

  it('settles a paid link to the partner EUR balance and sends the Payment Link webhook', async () => {
    const before = await partnerBalance(sandbox, 'eur');
    const { paymentLinkId } = await generate('/v1/payment-link', { amount: '125.35' });
    const paid = await sandbox.admin(`/admin/payment-links/${paymentLinkId}/payment`, json({ currency: 'usdc' }));
    expect(paid.status).toBe(200);

    const { body } = await webhook(paymentLinkId);
    expect(body).toEqual({ paymentLinkId, status: 'PAID', amount: '125.35', currency: 'eur', createdAt: expect.any(String) });
    expect((await exactJson(await sandbox.p100(`/v1/payment-link/details/${paymentLinkId}`))).status).toBe('PAID');
    expect(before).toBe('0.00');
    expect(await partnerBalance(sandbox, 'eur')).toBe('125.35');
    expect((await sandbox.admin(`/admin/payment-links/${paymentLinkId}/payment`, json({}))).status).toBe(409);
  });

  it('expires a link nobody pays within the payment window', async () => {
    const { paymentLinkId } = await generate('/v1/payment-link', { amount: '5' });
    const { body } = await webhook(paymentLinkId);
    expect(body.status).toBe('EXPIRED');
    expect((await exactJson(await sandbox.p100(`/v1/payment-link/details/${paymentLinkId}`))).status).toBe('EXPIRED');
  });

  it('validates the request in one P403 and answers P403 for an unknown link', async () => {
    const invalid = await sandbox.p100('/v1/payment-link', json({ amount: '1.005', currency: 'usd', redirectUrl: 'not a url' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      errorCode: 'P403',
      errorMessage:
        'currency must be one of the following values: eur. redirectUrl must be a URL address. amount can have at most 2 decimal places for eur.',
    });
    expect(await (await sandbox.p100('/v1/payment-link', json({}))).json()).toEqual({ errorCode: 'P403', errorMessage: 'amount should not be empty.' });
    const missing = await (await sandbox.p100('/v1/payment-link/details/00000000-0000-4000-8000-000000000000')).json();
    expect(missing.errorCode).toBe('P403');
  });
});
