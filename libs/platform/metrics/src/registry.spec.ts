import { collectProcessMetrics, counter, metricsRegistry } from './registry';

describe('metrics registry', () => {
  it('returns the same metric when a name is registered twice', async () => {
    const a = counter('test_things_total', 'things', ['kind']);
    const b = counter('test_things_total', 'things', ['kind']);
    expect(b).toBe(a);
    a.inc({ kind: 'x' }, 2);
    expect(await metricsRegistry.getSingleMetricAsString('test_things_total')).toContain('test_things_total{kind="x"} 2');
  });

  // Regression (issue 8, finding 8): promtool warned that three gauges end in _total.
  it('exports no gauge whose name ends in _total (a suffix Prometheus keeps for counters)', async () => {
    collectProcessMetrics('registry-test');
    const text = await metricsRegistry.metrics();
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({ name, type }));
    expect(types.length).toBeGreaterThan(10);
    expect(types.filter((t) => t.type === 'gauge' && t.name!.endsWith('_total'))).toEqual([]);
    expect(types).toEqual(expect.arrayContaining([{ name: 'nodejs_active_handles', type: 'gauge' }]));
  });
});
