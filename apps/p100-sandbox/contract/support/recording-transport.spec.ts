import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpTransport } from '@platform/p100-client';
import { readContract } from '@platform/p100-contract';
import { createRecordingTransport } from './recording-transport';

/** The tap must be able to fail: a server that breaks the contract is reported, not waved through. */
describe('the recording transport of the contract tests', () => {
  let server: Server;
  let baseUrl: string;
  const answers: Record<string, [number, string]> = {
    '/v1/user/balances/u-1': [200, JSON.stringify({ fiatBalances: [{ id: 'b', amount: 12.5, name: 'eur', rate: 1, iban: null, status: 'ACTIVE' }], cryptoBalances: [] })],
    '/v1/user/balances/u-2': [404, JSON.stringify({ statusCode: 404 })],
    '/v1/payments': [200, '{}'],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const [status, body] = answers[req.url ?? ''] ?? [500, '{}'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('flags a body that breaks the schema, an undocumented status and a path the contract lacks', async () => {
    const tap = createRecordingTransport(readContract());
    for (const path of Object.keys(answers)) await (await send(tap.transport, baseUrl + path)).text();
    await tap.transport.close();

    expect(tap.requestsSent).toBe(3);
    expect(tap.exchanges.map(({ operationId, status, outcome, ok, problems }) => ({ operationId, status, outcome, ok, problems }))).toEqual([
      { operationId: 'getUserBalances', status: 200, outcome: 'success', ok: false, problems: ['/fiatBalances/0/amount must be string'] },
      { operationId: 'getUserBalances', status: 404, outcome: 'error', ok: false, problems: ['HTTP 404 is not a documented response of getUserBalances (documented: 200, 400, 401)'] },
      { operationId: null, status: 200, outcome: 'success', ok: false, problems: ['GET /v1/payments is not an operation of openapi.yaml'] },
    ]);
  });

  it('hands the client the untouched response', async () => {
    const tap = createRecordingTransport(readContract());
    const response = await send(tap.transport, `${baseUrl}/v1/user/balances/u-1`);
    await tap.transport.close();
    expect(response.status).toBe(200);
    expect(response.header('content-type')).toBe('application/json');
    // The text as the server sent it: the client's exact-decimal parsing still sees 12.5 as written.
    expect(await response.text()).toBe(answers['/v1/user/balances/u-1'][1]);
  });
});

function send(transport: HttpTransport, url: string) {
  return transport.send({ method: 'GET', url, headers: {}, signal: AbortSignal.timeout(5_000) });
}
