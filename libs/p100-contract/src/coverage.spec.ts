import { computeCoverage, type ClientOperation } from './coverage';
import { renderCoverageMarkdown } from './coverage-markdown';
import { readContract } from './openapi-document';
import type { ExchangeRecord, RunRecords } from './run-records';

const contract = readContract();
const client: ClientOperation[] = contract.operations.map(({ operationId, method, path }) => ({ operationId, method, path }));

/** A run that covered everything: routes with Nest-style params, a success and an error per operation. */
function fullRun(): RunRecords {
  const exchange = (operationId: string, outcome: ExchangeRecord['outcome']): ExchangeRecord => ({
    operationId, method: 'GET', path: '/x', status: outcome === 'success' ? 200 : 400, outcome, ok: true, problems: [],
  });
  return {
    files: 1,
    sandboxRoutes: contract.operations.map((op) => ({ method: op.method, path: op.path.replace(/\{(\w+)\}/g, ':$1') })),
    exchanges: contract.operations.flatMap((op) => [exchange(op.operationId, 'success'), exchange(op.operationId, 'error')]),
    webhooks: contract.webhooks.map((w) => ({ webhook: w.name, path: '/w', ok: true, problems: [] })),
  };
}

describe('computeCoverage', () => {
  it('is complete when every operation and webhook is in the client, the sandbox and a passing test', () => {
    const report = computeCoverage(contract, client, fullRun());
    expect(report.missing).toEqual([]);
    expect(report.complete).toBe(true);
  });

  it('names each gap: client, sandbox, happy path, documented error, webhook', () => {
    const run = fullRun();
    run.sandboxRoutes = run.sandboxRoutes.filter((r) => r.path !== '/v1/card/pin');
    run.exchanges = run.exchanges.filter((e) => !(e.operationId === 'getOrderRates' && e.outcome === 'error'));
    run.exchanges = run.exchanges.filter((e) => !(e.operationId === 'createOrder' && e.outcome === 'success'));
    run.webhooks = run.webhooks.filter((w) => w.webhook !== 'cardTransaction');
    const partialClient = client.map((c) => (c.operationId === 'deleteCard' ? { ...c, path: '/v1/card' } : c));

    const report = computeCoverage(contract, partialClient, run);

    expect(report.complete).toBe(false);
    expect(report.missing).toEqual([
      'deleteCard (DELETE /v1/card/virtual): missing in client',
      'createOrder (POST /v1/order): missing in test (happy path)',
      'updateCardPin (PATCH /v1/card/pin): missing in sandbox',
      'getOrderRates (GET /v1/order/rates): missing in test (documented error)',
      'webhook cardTransaction (card-transaction): missing in sandbox (never delivered), test',
    ].sort((a, b) => report.missing.indexOf(a) - report.missing.indexOf(b)));
    expect(report.missing).toHaveLength(5);
  });

  it('does not count a response that broke the contract, and lists it as a violation', () => {
    const run = fullRun();
    run.exchanges = run.exchanges.map((e) => (e.operationId === 'getPartnerBalances' && e.outcome === 'success' ? { ...e, ok: false, problems: ['/x bad'] } : e));
    run.webhooks = run.webhooks.map((w) => (w.webhook === 'exchange' ? { ...w, ok: false, problems: ['(body) must be object'] } : w));

    const report = computeCoverage(contract, client, run);

    expect(report.missing).toEqual([
      'getPartnerBalances (GET /v1/partner/balances): missing in test (happy path)',
      'webhook exchange (exchange): missing in test',
    ]);
    expect(report.violations).toEqual(['GET /x → 200 (getPartnerBalances): /x bad', 'webhook exchange to /w: (body) must be object']);
  });

  it('fails when no contract run was recorded at all', () => {
    const report = computeCoverage(contract, client, { files: 0, exchanges: [], webhooks: [], sandboxRoutes: [] });
    expect(report.missing).toContain('no contract run recorded in .runtime/contract (run the contract tests first)');
    expect(report.missing.filter((m) => !m.startsWith('webhook') && m.includes('missing in sandbox'))).toHaveLength(57);
    expect(report.missing.filter((m) => m.startsWith('webhook'))).toHaveLength(19);
  });

  it('lists sandbox /v1 routes the contract lacks without failing on them', () => {
    const run = fullRun();
    run.sandboxRoutes.push({ method: 'GET', path: '/v1/payments' }, { method: 'GET', path: '/admin/faults' });
    const report = computeCoverage(contract, client, run);
    expect(report.extraSandboxRoutes).toEqual([{ method: 'GET', path: '/v1/payments' }]);
    expect(report.complete).toBe(true);
  });
});

describe('renderCoverageMarkdown', () => {
  it('renders one row per operation and webhook and the gaps', () => {
    const run = fullRun();
    run.webhooks = [];
    const markdown = renderCoverageMarkdown(computeCoverage(contract, client, run));
    expect(markdown).toContain('| getUserBalances | GET | `/v1/user/balances/{externalUserId}` | doc | ✓ | ✓ | ✓ | ✓ |');
    expect(markdown).toContain('| userBalanceGeneration | user-status | ✗ | ✗ |');
    expect(markdown).toContain('Status: **INCOMPLETE**');
    expect(markdown.match(/^\| \w+ \| (GET|POST|PATCH|PUT|DELETE) \|/gm)).toHaveLength(57);
  });
});
