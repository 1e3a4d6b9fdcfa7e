import Fastify, { type FastifyInstance } from 'fastify';
import { PaymentsCommands } from '@platform/contracts';
import type { AccessControl } from '../access/access-control';
import type { AuthenticatedClient } from '../access/client-registry';
import type { GatewayConfig } from '../gateway.config';
import { useBoundedJsonParser } from '../http/bounded-json.parser';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { OperationInvoker } from '../operations/operation-invoker';
import { OPERATIONS } from '../operations/operation-table';
import { recordingBus, type SentCommand } from '../test-support/recording-bus';
import { registerRestEdge } from './rest-edge';

const client: AuthenticatedClient = { name: 'payouts', keyId: 'k1', scopes: new Set(['payments:read', 'payments:write']) };
const MOVEMENT_ID = '0b3f5c1e-8a5d-4e43-9a38-6f1d2c7b9e10';

/**
 * The REST edge over the real table and invoker, with access, the replay store and the bus
 * stubbed: what a route reads from the request (body, path, query string, Idempotency-Key) and
 * what command it hands to Kafka. The edges test (test/) runs the same routes on a real broker.
 */
describe('REST edge: payments routes reach the bus', () => {
  let fastify: FastifyInstance;
  let sent: SentCommand[];

  beforeEach(async () => {
    const recorded = recordingBus(() => ({ status: 'REQUESTED' }));
    sent = recorded.sent;
    const access = { admit: () => client, authenticate: () => client } as unknown as AccessControl;
    const replay = { run: async (_c: string, _k: string, _f: unknown, status: number, fn: () => Promise<unknown>) => ({ status, body: await fn() }) };
    const invoker = new OperationInvoker({ GATEWAY_COMMAND_TIMEOUT_MS: 5_000 } as GatewayConfig, replay as unknown as IdempotencyService, recorded.bus, recorded.deps.cardsLane);
    fastify = Fastify();
    useBoundedJsonParser(fastify);
    registerRestEdge(fastify, OPERATIONS, access, invoker);
    await fastify.ready();
  });
  afterEach(() => fastify.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: object, idempotencyKey?: string) =>
    fastify.inject({ method, url, payload: body, headers: { 'x-api-key': 'any', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) } });

  it('sends an exchange with the path\'s user, the normalised body and requestId <caller>:<key>, keyed by user', async () => {
    const res = await call('POST', '/v1/users/jan-0001/exchanges', { lockId: 'lock-1', amount: '10.50', currencyFrom: 'EUR', currencyTo: 'btc' }, 'order-1');
    expect([res.statusCode, res.json()]).toEqual([202, { status: 'REQUESTED' }]);
    const payload = { externalUserId: 'jan-0001', lockId: 'lock-1', amount: '10.50', currencyFrom: 'eur', currencyTo: 'btc', requestId: 'payouts:order-1' };
    expect(sent).toMatchObject([{ topic: 'payments.commands', type: 'payments.execute-exchange.v1', key: 'jan-0001', payload }]);
    expect(PaymentsCommands.executeExchange.schema.parse(sent[0]!.payload)).toEqual(payload);
  });

  it('lets the path, not the body, name the user', async () => {
    await call('POST', '/v1/users/jan-0001/transfers/to-partner', { externalUserId: 'eva-0002', amount: '5', currency: 'eur' }, 'k-1');
    expect(sent).toMatchObject([{ type: 'payments.transfer-to-partner.v1', key: 'jan-0001', payload: { externalUserId: 'jan-0001' } }]);
  });

  it('refuses a money movement without an Idempotency-Key, naming the header, and sends nothing', async () => {
    const res = await call('POST', '/v1/users/jan-0001/sepa-transfers', { amount: '1', destinationIban: 'DE89370400440532013000', transferTitle: 'rent' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', details: { field: 'Idempotency-Key' } });
    expect(sent).toEqual([]);
  });

  it('reads the network fee\'s input from the query string, keyed by currency', async () => {
    const res = await call('GET', '/v1/crypto/network-fee?currency=USDC&network=Polygon');
    expect(res.statusCode).toBe(200);
    expect(sent).toMatchObject([{ type: 'payments.get-network-fee.v1', key: 'usdc', payload: { currency: 'usdc', network: 'polygon' } }]);
  });

  it('refuses a missing, a repeated or an unknown query parameter with 400 naming it', async () => {
    const missing = await call('GET', '/v1/crypto/network-fee');
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'currency' } });
    const repeated = await call('GET', '/v1/crypto/network-fee?currency=btc&currency=eth');
    expect(repeated.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'currency' } });
    const unknown = await call('GET', '/v1/crypto/network-fee?currency=btc&netwrok=btc');
    expect([unknown.statusCode, unknown.json().error.message]).toEqual([400, expect.stringContaining('netwrok')]);
    expect(sent).toEqual([]);
  });

  it('ignores the query string of an operation that declares none, as before', async () => {
    expect((await call('GET', '/v1/users/jan-0001/ledger?page=2')).statusCode).toBe(200);
    expect(sent).toMatchObject([{ type: 'payments.get-ledger.v1', payload: { externalUserId: 'jan-0001' } }]);
  });

  it('serves PUT: travel-rule data with both path parameters over the body', async () => {
    const res = await call('PUT', `/v1/users/jan-0001/crypto-deposits/${MOVEMENT_ID}/travel-rule`, { senderName: 'Ewa Nowak', walletType: 'CUSTODIAL', senderType: 'NATURAL' }, 'tr-1');
    expect(res.statusCode).toBe(202);
    expect(sent).toMatchObject([
      { type: 'payments.submit-travel-rule.v1', key: 'jan-0001', payload: { externalUserId: 'jan-0001', movementId: MOVEMENT_ID, senderName: 'Ewa Nowak', requestId: 'payouts:tr-1' } },
    ]);
  });

  it('locks a rate without a body, and answers 201', async () => {
    const res = await call('POST', '/v1/users/jan-0001/exchange/locks');
    expect(res.statusCode).toBe(201);
    expect(sent).toMatchObject([{ type: 'payments.lock-exchange-rate.v1', payload: { externalUserId: 'jan-0001' } }]);
  });
});
