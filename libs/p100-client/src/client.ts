import type { BreakerState } from './breakers';
import type { P100ClientConfig } from './config';
import { P100CircuitOpenError } from './errors';
import { OPERATIONS, type EndpointGroup, type OperationName } from './operations';
import { createSender, type P100ClientDeps, type P100Sender } from './request';
import { CardsResource } from './resources/cards';
import { CryptoResource } from './resources/crypto';
import { ExchangeResource } from './resources/exchange';
import { KycResource } from './resources/kyc';
import { OrdersResource } from './resources/orders';
import { PartnerResource } from './resources/partner';
import { SepaResource } from './resources/sepa';
import { TransfersResource } from './resources/transfers';
import { UsersResource } from './resources/users';

/** The one typed client of P100. Create one per process and share it: it owns the breakers. */
export class P100Client {
  readonly users: UsersResource;
  readonly kyc: KycResource;
  readonly partner: PartnerResource;
  readonly exchange: ExchangeResource;
  readonly sepa: SepaResource;
  readonly crypto: CryptoResource;
  readonly transfers: TransfersResource;
  readonly cards: CardsResource;
  readonly orders: OrdersResource;
  private readonly sender: P100Sender;

  constructor(config: P100ClientConfig, deps: P100ClientDeps = {}) {
    this.sender = createSender(config, deps);
    this.users = new UsersResource(this.sender);
    this.kyc = new KycResource(this.sender);
    this.partner = new PartnerResource(this.sender);
    this.exchange = new ExchangeResource(this.sender);
    this.sepa = new SepaResource(this.sender);
    this.crypto = new CryptoResource(this.sender);
    this.transfers = new TransfersResource(this.sender);
    this.cards = new CardsResource(this.sender);
    this.orders = new OrdersResource(this.sender);
  }

  /** For health checks: an open breaker means that P100 subsystem is failing. */
  breakerState(group: EndpointGroup): BreakerState {
    return this.sender.breakerState(group);
  }

  /**
   * Throws P100CircuitOpenError when the operation's breaker is open: for handlers that would
   * write their intent and rows before a call the breaker refuses anyway. Half-open lets the
   * trial call through.
   */
  failFastIfOpen(operation: OperationName): void {
    const { group } = OPERATIONS[operation];
    if (this.sender.breakerState(group) === 'open') throw new P100CircuitOpenError(group, operation);
  }

  /** Stops the breakers' timers and closes the connections (on application shutdown). */
  close(): Promise<void> {
    return this.sender.shutdown();
  }

  /**
   * Nest calls this after `beforeApplicationShutdown`, where the Kafka consumers drain, so the
   * handlers' last calls have finished (and a call under way would still be let finish).
   */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
