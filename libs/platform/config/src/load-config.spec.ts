import { z } from 'zod';
import { ConfigError, loadConfig, port, serviceEnv } from './index';

describe('loadConfig', () => {
  const schema = serviceEnv.extend({ PORT: port(3000), GATEWAY_API_KEYS: z.string().min(1) });

  it('fails fast naming every missing variable', () => {
    expect(() => loadConfig(schema, {})).toThrow(ConfigError);
    try {
      loadConfig(schema, { KAFKA_BROKERS: 'a:1' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL is required but not set');
      expect(message).toContain('GATEWAY_API_KEYS is required but not set');
      expect(message).not.toContain('KAFKA_BROKERS');
    }
  });

  it('parses lists, booleans and defaults', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://u@h/db',
      KAFKA_BROKERS: 'a:1, b:2',
      KAFKA_DEV_BROKER: 'true',
      GATEWAY_API_KEYS: 'svc:key',
    });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.KAFKA_DEV_BROKER).toBe(true);
    expect(config.PORT).toBe(3000);
  });

  it('rejects a malformed value with the variable name', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'a:1', GATEWAY_API_KEYS: 'k' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
