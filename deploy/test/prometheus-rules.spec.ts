import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { alertRules, PROMETHEUS_DIR, RULES_DIR, ruleFiles, ruleTestFiles, TESTS_DIR, unitTestCoverage } from './support/alert-rules';
import { metricNamesIn } from './support/promql-metrics';
import { promtool } from './support/promtool';
import { knownSeries, registeredInSource } from './support/registered-metrics';
import { root } from './support/service-env';

// The alert rules: valid for Prometheus, each one unit-tested firing and silent with promtool,
// each one reading only metrics the code exports, and each one explained in deploy/README.md.
const rules = alertRules();
const SEVERITIES = ['critical', 'warning'];

/** deploy/README.md's alerts section (between its section marker and the next one). */
function readmeAlertsSection(): string {
  const text = readFileSync(path.join(root, 'deploy', 'README.md'), 'utf8');
  const start = text.indexOf('<!-- section: alerts');
  const end = text.indexOf('<!-- section:', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

describe('deploy/prometheus/rules', () => {
  it('has alerts (the files are read)', () => {
    expect(rules.length).toBeGreaterThanOrEqual(16);
  });

  it('passes promtool check rules', () => {
    const result = promtool(['check', 'rules', ...ruleFiles()], RULES_DIR);
    expect({ ok: result.ok, output: result.output }).toEqual({ ok: true, output: expect.not.stringMatching(/FAILED|WARNING/) });
  });

  it('passes its promtool unit tests (deploy/prometheus/tests/*.test.yml)', () => {
    const result = promtool(['test', 'rules', ...ruleTestFiles()], TESTS_DIR);
    expect({ ok: result.ok, output: result.output }).toEqual({ ok: true, output: expect.not.stringContaining('FAILED') });
  });

  it('has no two alerts of the same name', () => {
    const names = rules.map((r) => r.alert);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(rules.map((r) => [r.alert, r] as const))('%s has a severity, a `for`, a summary, a description and its runbook anchor', (alert, rule) => {
    expect(SEVERITIES).toContain(rule.labels?.severity);
    expect(rule.for).toMatch(/^\d+[smh]$/);
    expect(rule.annotations?.summary).toEqual(expect.any(String));
    expect(rule.annotations?.description).toEqual(expect.any(String));
    expect(rule.annotations?.runbook).toBe(`deploy/README.md#${alert.toLowerCase()}`);
  });

  it('has a promtool unit test expecting every alert firing, and one expecting it silent', () => {
    const coverage = unitTestCoverage();
    const missing = rules.filter((r) => !coverage.get(r.alert)?.firing || !coverage.get(r.alert)?.silent).map((r) => ({ alert: r.alert, ...coverage.get(r.alert) }));
    expect(missing).toEqual([]);
    // And no test of an alert that does not exist (a rename left behind).
    expect([...coverage.keys()].filter((name) => !rules.some((r) => r.alert === name))).toEqual([]);
  });

  it('reads only metrics the code registers (or that Prometheus adds to every target)', () => {
    const known = knownSeries();
    const unknown = rules.flatMap((r) => metricNamesIn(r.expr).filter((m) => !known.has(m)).map((m) => `${r.alert}: ${m}`));
    expect(unknown).toEqual([]);
  });

  it('explains every alert in deploy/README.md under a heading of its name (the runbook anchor)', () => {
    const section = readmeAlertsSection();
    expect(rules.filter((r) => !new RegExp(`^### ${r.alert}$`, 'm').test(section)).map((r) => r.alert)).toEqual([]);
  });
});

describe('rule_files in the scrape configurations', () => {
  const config = (file: string) => parse(readFileSync(path.join(PROMETHEUS_DIR, file), 'utf8')) as { rule_files?: string[] };

  it('prometheus.yml loads deploy/prometheus/rules/ relative to itself, and promtool accepts it with them', () => {
    expect(config('prometheus.yml').rule_files).toEqual(['rules/*.yml']);
    const result = promtool(['check', 'config', 'prometheus.yml'], PROMETHEUS_DIR);
    expect({ ok: result.ok, rulesChecked: (result.output.match(/SUCCESS: \d+ rules found/g) ?? []).length }).toEqual({ ok: true, rulesChecked: ruleFiles().length });
  });

  it('prometheus.compose.yml loads them where docker-compose.yml mounts deploy/prometheus/rules', () => {
    expect(config('prometheus.compose.yml').rule_files).toEqual(['/etc/prometheus/rules/*.yml']);
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('./deploy/prometheus/rules:/etc/prometheus/rules:ro');
  });
});

describe('the checks behind the metric-name test', () => {
  it('reads metric names out of PromQL, leaving out functions, labels, keywords, strings and variables', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{service=~"$service", route!="/metrics"}[$__rate_interval]))) > 1e3 ' +
          'or on (service) max_over_time(p100_breaker_state[5m:1m]) == bool 2 unless sum without (group) (up offset 5m)',
      ).sort(),
    ).toEqual(['http_request_duration_seconds_bucket', 'p100_breaker_state', 'up']);
  });

  it('finds the registrations of the code: helpers, prom-client classes, multi-line calls', () => {
    const names = new Map(registeredInSource().map((r) => [r.name, r.type]));
    // One of each way the code registers: helper, helper over several lines, `new Gauge({ name })`,
    // a name held in a constant of the file, another lib.
    expect(names.get('http_requests_total')).toBe('counter');
    expect(names.get('webhook_ingest_commit_batch_size')).toBe('histogram');
    expect(names.get('webhook_ingest_backlog')).toBe('gauge');
    expect(names.get('p100_request_duration_seconds')).toBe('histogram');
    expect(names.get('kafka_consumer_lag_messages')).toBe('gauge');
    expect([...knownSeries()]).toEqual(expect.arrayContaining(['p100_request_duration_seconds_bucket', 'nodejs_eventloop_lag_p99_seconds', 'up']));
  });
});
