import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { metricNamesIn } from './support/promql-metrics';
import { knownSeries } from './support/registered-metrics';
import { root } from './support/service-env';

// The Grafana provisioning and dashboards that docker-compose.yml mounts: loadable JSON, panels
// Grafana can place and query, every query reading metrics the code exports.
const GRAFANA = path.join(root, 'deploy', 'grafana');
const DASHBOARDS = path.join(GRAFANA, 'dashboards');

interface Target {
  datasource?: { type: string; uid: string };
  expr?: string;
  refId?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; query?: string | { query: string }; datasource?: { uid: string } }> };
}

const files = readdirSync(DASHBOARDS).filter((f) => f.endsWith('.json')).sort();
const dashboards = files.map((file) => ({ file, dashboard: JSON.parse(readFileSync(path.join(DASHBOARDS, file), 'utf8')) as Dashboard }));
const datasources = parse(readFileSync(path.join(GRAFANA, 'provisioning', 'datasources', 'prometheus.yml'), 'utf8')) as {
  datasources: Array<{ uid: string; type: string; url: string }>;
};
const PROMETHEUS_UID = datasources.datasources.find((d) => d.type === 'prometheus')?.uid;

/** Panels, the ones inside collapsed rows included; rows themselves carry no query. */
const queryPanels = (d: Dashboard): Panel[] => d.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');

describe('deploy/grafana/provisioning', () => {
  it('points the Prometheus datasource at the compose service prometheus on its port', () => {
    const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { image?: string }> };
    expect(compose.services.prometheus?.image).toMatch(/^prom\/prometheus:/);
    expect(datasources.datasources).toEqual([expect.objectContaining({ type: 'prometheus', uid: 'prometheus', url: 'http://prometheus:9090' })]);
  });

  it('loads the dashboards from the folder docker-compose.yml mounts deploy/grafana/dashboards on', () => {
    const provider = parse(readFileSync(path.join(GRAFANA, 'provisioning', 'dashboards', 'p100-platform.yml'), 'utf8')) as {
      providers: Array<{ type: string; options: { path: string } }>;
    };
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    const mount = /\.\/deploy\/grafana\/dashboards:([^:\s]+):ro/.exec(compose)?.[1];
    expect(mount).toBeDefined();
    expect(provider.providers).toEqual([expect.objectContaining({ type: 'file', options: expect.objectContaining({ path: mount }) })]);
    expect(compose).toContain('./deploy/grafana/provisioning:/etc/grafana/provisioning:ro');
  });
});

describe('deploy/grafana/dashboards', () => {
  it('has the golden-signals and the business dashboards, with distinct uids', () => {
    expect(files).toEqual(['business.json', 'golden-signals.json']);
    const uids = dashboards.map(({ dashboard }) => dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it.each(dashboards.map(({ file, dashboard }) => [file, dashboard] as const))('%s: panel ids unique, every panel with the datasource and queries', (_file, dashboard) => {
    const all = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
    const ids = all.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const panels = queryPanels(dashboard);
    expect(panels.length).toBeGreaterThan(10);
    const broken = panels.filter(
      (p) =>
        p.datasource?.uid !== PROMETHEUS_UID ||
        !p.targets?.length ||
        p.targets.some((t) => !t.expr || !t.refId || t.datasource?.uid !== PROMETHEUS_UID) ||
        new Set(p.targets.map((t) => t.refId)).size !== p.targets.length,
    );
    expect(broken.map((p) => p.title)).toEqual([]);
  });

  it.each(dashboards.map(({ file, dashboard }) => [file, dashboard] as const))('%s: every query reads only metrics the code registers', (_file, dashboard) => {
    const known = knownSeries();
    // A variable's label_values(metric, label) names its metric first; the label is no metric.
    const variables = dashboard.templating.list.map((v) => {
      const query = typeof v.query === 'string' ? v.query : (v.query?.query ?? '');
      return { where: `$${v.name}`, expr: /^label_values\(\s*([^,]+),\s*\w+\s*\)$/.exec(query)?.[1] ?? query };
    });
    const queries = [...queryPanels(dashboard).flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr ?? '' }))), ...variables];
    expect(variables.length + queries.length).toBeGreaterThan(10);
    const unknown = queries.flatMap(({ where, expr }) => metricNamesIn(expr).filter((m) => !known.has(m)).map((m) => `${where}: ${m}`));
    expect(unknown).toEqual([]);
  });

  it('golden signals: every query of the service panels is scoped by the $service variable', () => {
    const golden = dashboards.find(({ file }) => file === 'golden-signals.json')!.dashboard;
    expect(golden.templating.list.map((v) => v.name)).toEqual(['service']);
    const unscoped = queryPanels(golden).flatMap((p) => (p.targets ?? []).filter((t) => !t.expr!.includes('service=~"$service"')).map(() => p.title));
    expect(unscoped).toEqual([]);
  });
});
