import * as grpc from '@grpc/grpc-js';
import { PAYMENTS_COMMANDS_TOPIC, PaymentsCommands } from '@platform/contracts';
import { grpcHealthStatus, grpcReflectedServices, KafkaTestConsumer, type ReceivedMessage } from '@platform/testing';
import { KEYS, startTestGateway, type GatewayUnderTest } from './gateway.harness';

jest.setTimeout(60_000);

type Command = { type: string; payload: Record<string, unknown> };

/**
 * The payments operations on the real gateway, Postgres and Kafka, before the payments service
 * exists: what each edge puts on `payments.commands` (type, key, payload with the caller-scoped
 * requestId) is read back from the broker. Nothing answers, so an admitted call ends in
 * UPSTREAM_TIMEOUT; the command on the topic is what shows it went through.
 */
describe('payments operations reach payments.commands from both edges', () => {
  let gw: GatewayUnderTest;
  let commands: KafkaTestConsumer;
  beforeAll(async () => {
    commands = await KafkaTestConsumer.start([PAYMENTS_COMMANDS_TOPIC], { fromBeginning: true });
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
    await commands?.stop();
  });

  const sentWith = (requestId: string) => commands.waitFor((m) => (m.value as Command).payload?.requestId === requestId);
  const sentOf = (type: string, match: (payload: Record<string, unknown>) => boolean) =>
    commands.waitFor((m) => (m.value as Command).type === type && match((m.value as Command).payload));
  const command = (m: ReceivedMessage) => m.value as Command;
  const rest = async (method: string, path: string, key: string, body?: unknown, idempotencyKey?: string) => {
    const res = await fetch(`${gw.url}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string; details?: Record<string, unknown> } } };
  };
  const rpc = (method: string, request: object, metadata: Record<string, string> = {}) => gw.grpc.call('PaymentsService', method, request, { 'x-api-key': KEYS.payer, ...metadata });

  it('REST: an exchange goes out with requestId <client>:<Idempotency-Key>, keyed by the user', async () => {
    const r = await rest('POST', '/v1/users/jan-0001/exchanges', KEYS.payer, { lockId: 'lock-1', amount: '10.50', currencyFrom: 'eur', currencyTo: 'BTC' }, 'rest-ex-1');
    expect([r.status, r.body.error?.code]).toEqual([504, 'UPSTREAM_TIMEOUT']);
    const sent = await sentWith('payer:rest-ex-1');
    expect(sent.key).toBe('jan-0001');
    expect(command(sent).type).toBe(PaymentsCommands.executeExchange.type);
    expect(PaymentsCommands.executeExchange.schema.parse(command(sent).payload)).toEqual({
      externalUserId: 'jan-0001', lockId: 'lock-1', amount: '10.50', currencyFrom: 'eur', currencyTo: 'btc', requestId: 'payer:rest-ex-1',
    });
  });

  it('gRPC: a crypto withdrawal goes out the same way, its idempotency-key from the metadata', async () => {
    const withdrawal = {
      externalUserId: 'jan-0001', currency: 'usdc', amount: '25', walletAddress: `0x${'ab'.repeat(20)}`, recipientName: 'Jan Kowalski', walletType: 'NON_CUSTODIAL', receiverType: 'NATURAL',
    };
    const g = await rpc('WithdrawCrypto', withdrawal, { 'idempotency-key': 'grpc-wd-1' });
    expect([g.error?.code, g.trailers['error-code']]).toEqual([grpc.status.DEADLINE_EXCEEDED, 'UPSTREAM_TIMEOUT']);
    const sent = await sentWith('payer:grpc-wd-1');
    expect([sent.key, command(sent).type]).toEqual(['jan-0001', PaymentsCommands.withdrawCrypto.type]);
    expect(PaymentsCommands.withdrawCrypto.schema.parse(command(sent).payload)).toEqual({ ...withdrawal, requestId: 'payer:grpc-wd-1' });
  });

  it('reads the network fee from the REST query string and the gRPC message alike, keyed by currency', async () => {
    expect((await rest('GET', '/v1/crypto/network-fee?currency=ETH&network=Ethereum', KEYS.payer)).status).toBe(504);
    const viaRest = await sentOf(PaymentsCommands.getNetworkFee.type, (p) => p.currency === 'eth');
    expect([viaRest.key, command(viaRest).payload]).toEqual(['eth', { currency: 'eth', network: 'ethereum' }]);
    await rpc('GetNetworkFee', { currency: 'LTC' });
    const viaGrpc = await sentOf(PaymentsCommands.getNetworkFee.type, (p) => p.currency === 'ltc');
    expect([viaGrpc.key, command(viaGrpc).payload]).toEqual(['ltc', { currency: 'ltc' }]);
  });

  it('refuses a movement without a key on both edges, naming it, and sends nothing', async () => {
    const transfer = { amount: '5', currency: 'eur' };
    const r = await rest('POST', '/v1/users/eva-0404/transfers/from-partner', KEYS.payer, transfer);
    expect([r.status, r.body.error?.code, r.body.error?.details?.field]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key']);
    const g = await rpc('TransferFromPartner', { externalUserId: 'eva-0404', ...transfer });
    expect([g.error?.code, g.trailers['error-code'], g.trailers['error-field']]).toEqual([grpc.status.INVALID_ARGUMENT, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key']);
    // A keyed call after them is on the topic; the keyless ones before it never were.
    await rest('POST', '/v1/users/eva-0404/transfers/from-partner', KEYS.payer, transfer, 'after-refusals');
    await sentWith('payer:after-refusals');
    expect(commands.messages.filter((m) => command(m).payload?.externalUserId === 'eva-0404')).toHaveLength(1);
  });

  it('asks for the payments scopes: a users-only key is refused, naming the scope', async () => {
    const r = await rest('GET', '/v1/users/jan-0001/ledger', KEYS.writer);
    expect([r.status, r.body.error?.details?.requiredScope]).toEqual([403, 'payments:read']);
    const g = await gw.grpc.call('PaymentsService', 'SubmitTravelRule', {}, { 'x-api-key': KEYS.writer, 'idempotency-key': 'tr-x' });
    expect([g.error?.code, g.trailers['error-code']]).toEqual([grpc.status.PERMISSION_DENIED, 'PERMISSION_DENIED']);
    expect(g.error?.details).toContain('payments:write');
  });

  it('lists the payments routes in the served OpenAPI document, the network fee with its query parameters', async () => {
    const document = (await (await fetch(`${gw.url}/docs-json`)).json()) as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
    expect(document.paths['/v1/users/{externalUserId}/crypto-deposits/{movementId}/travel-rule']?.put).toBeDefined();
    const query = document.paths['/v1/crypto/network-fee']?.get?.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(['currency', 'network']);
  });

  it('serves PaymentsService in health and reflection', async () => {
    expect(await grpcHealthStatus(gw.grpcAddress, 'p100platform.v1.PaymentsService')).toBe('SERVING');
    expect(await grpcReflectedServices(gw.grpcAddress)).toEqual(expect.arrayContaining(['p100platform.v1.PaymentsService']));
  });
});
