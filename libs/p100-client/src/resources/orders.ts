import type { P100Send } from '../request';
import type {
  OrderDetails,
  OrderIdResponse,
  OrderLock,
  OrderLockRequest,
  PaymentLinkCreated,
  PaymentLinkDetails,
  PaymentLinkRequest,
} from '../types/orders';
import type { RateMap } from '../types/exchange';

export class OrdersResource {
  constructor(private readonly send: P100Send) {}

  getRates(): Promise<RateMap> {
    return this.send({ operation: 'getOrderRates' });
  }

  lockRate(input: OrderLockRequest): Promise<OrderLock> {
    return this.send({ operation: 'lockOrderRate', body: input });
  }

  create(lockId: string): Promise<OrderIdResponse> {
    return this.send({ operation: 'createOrder', body: { lockId } });
  }

  getDetails(orderId: string): Promise<OrderDetails> {
    return this.send({ operation: 'getOrderDetails', pathParams: { orderId } });
  }

  generatePaymentLink(input: PaymentLinkRequest): Promise<PaymentLinkCreated> {
    return this.send({ operation: 'generatePaymentLink', body: input });
  }

  generateHostedCheckout(input: PaymentLinkRequest): Promise<PaymentLinkCreated> {
    return this.send({ operation: 'generateHostedCheckout', body: input });
  }

  getPaymentLinkDetails(paymentLinkId: string): Promise<PaymentLinkDetails> {
    return this.send({ operation: 'getPaymentLinkDetails', pathParams: { paymentLinkId } });
  }
}
