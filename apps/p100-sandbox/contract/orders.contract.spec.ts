import { json } from '../test/support/test-sandbox';
import { describeContractCases, type ContractCase } from './support/contract-case';
import { startContractHarness, type ContractHarness } from './support/contract-harness';
import { ACCESS_DENIED } from './support/fixtures';

const UNKNOWN_ID = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const lockInput = { currency: 'usdc', amount: '25.00', network: 'polygon' };

async function createdOrder(h: ContractHarness): Promise<string> {
  const { lockId } = await h.client.orders.lockRate(lockInput);
  const { orderId } = await h.client.orders.create(lockId);
  await h.webhook('order-status', (body) => body.orderId === orderId);
  return orderId;
}

/** A payment link the payer paid (admin trigger: only P100 sees the crypto arrive). */
async function paidPaymentLink(h: ContractHarness): Promise<string> {
  const { paymentLinkId } = await h.client.orders.generatePaymentLink({ amount: '12.50', description: 'Order 42' });
  const response = await h.sandbox.admin(`/admin/payment-links/${paymentLinkId}/payment`, json({}));
  if (response.status >= 300) throw new Error(`payment-link payment answered ${response.status}: ${await response.text()}`);
  await h.webhook('payment-link', (body) => body.paymentLinkId === paymentLinkId);
  return paymentLinkId;
}

const orders: ContractCase[] = [
  {
    operationId: 'getOrderRates',
    happy: (h) => h.client.orders.getRates(),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.orders.getRates() },
  },
  {
    operationId: 'lockOrderRate',
    happy: (h) => h.client.orders.lockRate(lockInput),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.orders.lockRate(lockInput) },
  },
  {
    operationId: 'createOrder',
    happy: async (h) => {
      const { lockId } = await h.client.orders.lockRate(lockInput);
      return h.client.orders.create(lockId);
    },
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.orders.create(UNKNOWN_ID) },
  },
  {
    operationId: 'getOrderDetails',
    happy: async (h) => h.client.orders.getDetails(await createdOrder(h)),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.orders.getDetails(UNKNOWN_ID) },
  },
  {
    operationId: 'generatePaymentLink',
    happy: (h) => h.client.orders.generatePaymentLink({ amount: '12.50', description: 'Order 42', redirectUrl: 'https://shop.example.com/thanks' }),
    documentedError: { code: 'P403', call: (h) => h.client.orders.generatePaymentLink({ amount: '12.50', currency: 'usd' }) },
  },
  {
    operationId: 'generateHostedCheckout',
    happy: (h) => h.client.orders.generateHostedCheckout({ amount: '99.99' }),
    documentedError: { code: 'P403', call: (h) => h.client.orders.generateHostedCheckout({ amount: '-1' }) },
  },
  {
    operationId: 'getPaymentLinkDetails',
    happy: async (h) => h.client.orders.getPaymentLinkDetails(await paidPaymentLink(h)),
    documentedError: { code: ACCESS_DENIED, call: (h) => h.wrongKeyClient.orders.getPaymentLinkDetails(UNKNOWN_ID) },
  },
];

describe('P100 contract: orders and payment links', () => {
  let harness: ContractHarness;
  beforeAll(async () => {
    harness = await startContractHarness('orders');
  });
  afterAll(() => harness?.close());

  describeContractCases(() => harness, orders);
});
