import { counter, metricsRegistry } from './registry';

describe('metrics registry', () => {
  it('returns the same metric when a name is registered twice', async () => {
    const a = counter('test_things_total', 'things', ['kind']);
    const b = counter('test_things_total', 'things', ['kind']);
    expect(b).toBe(a);
    a.inc({ kind: 'x' }, 2);
    expect(await metricsRegistry.getSingleMetricAsString('test_things_total')).toContain('test_things_total{kind="x"} 2');
  });
});
