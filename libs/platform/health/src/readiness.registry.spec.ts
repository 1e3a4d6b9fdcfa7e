import { ReadinessRegistry } from './readiness.registry';

describe('ReadinessRegistry', () => {
  it('starts empty and lists checks in the order they were registered', () => {
    const registry = new ReadinessRegistry();
    expect(registry.list()).toEqual([]);
    const postgres = { name: 'postgres', check: async () => undefined };
    const kafka = { name: 'kafka-producer', check: async () => undefined };
    registry.register(postgres);
    registry.register(kafka);
    expect(registry.list().map((c) => c.name)).toEqual(['postgres', 'kafka-producer']);
    expect(registry.list()[0]).toBe(postgres);
  });

  it('keeps the checks of each instance apart', () => {
    const a = new ReadinessRegistry();
    const b = new ReadinessRegistry();
    a.register({ name: 'only-a', check: async () => undefined });
    expect(b.list()).toEqual([]);
  });
});
