import { randomBytes } from 'node:crypto';
import { ConfigError } from '@platform/config';
import { CARD_LIMIT_MAXIMA_DEFAULTS } from '@platform/contracts';
import { loadCardsConfig, limitMaximumVariable } from './cards.config';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const env = (overrides: Record<string, string | undefined> = {}) => ({
  DATABASE_URL: 'postgres://localhost/p100',
  KAFKA_BROKERS: '127.0.0.1:9092',
  P100_BASE_URL: 'http://127.0.0.1:8080',
  P100_API_KEY: 'key',
  CARDS_LANE_TOKEN: 'x'.repeat(32),
  P100_CODE_KEYS: key('p1'),
  CARDS_SECURE_CODE_KEYS: key('c1'),
  ...overrides,
});

const problems = (overrides: Record<string, string | undefined>) => {
  try {
    loadCardsConfig(env(overrides));
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

describe('cards configuration', () => {
  it('names one variable per limit maximum, defaulting to the platform maxima', () => {
    expect(limitMaximumVariable('dailyTrxAll')).toBe('CARDS_LIMIT_MAX_DAILY_TRX_ALL');
    expect(limitMaximumVariable('monthlyTrxEcom')).toBe('CARDS_LIMIT_MAX_MONTHLY_TRX_ECOM');
    const config = loadCardsConfig(env({ CARDS_LIMIT_MAX_DAILY_TRX_ATM: '750.50' }));
    expect(config.limitMaxima).toEqual({ ...CARD_LIMIT_MAXIMA_DEFAULTS, dailyTrxAtm: '750.50' });
    expect(config.PORT).toBe(3003);
    expect(config.CARDS_SECURE_CODE_TTL_MS).toBe(300_000);
  });

  it('stops the start on a missing or short lane token, and on unusable code keys, without quoting them', () => {
    expect(problems({ CARDS_LANE_TOKEN: undefined })).toEqual(['CARDS_LANE_TOKEN is required but not set']);
    expect(problems({ CARDS_LANE_TOKEN: 'short' })).toEqual(['CARDS_LANE_TOKEN: must be at least 32 characters']);
    const shortKey = `c1:${randomBytes(16).toString('base64')}`;
    const found = problems({ CARDS_SECURE_CODE_KEYS: shortKey });
    expect(found).toEqual([expect.stringMatching(/^CARDS_SECURE_CODE_KEYS: .*32 bytes/)]);
    expect(found.join()).not.toContain(shortKey.slice(3));
  });

  it('refuses a maximum that is not a decimal string, and P100 attempts longer than the gateway waits', () => {
    expect(problems({ CARDS_LIMIT_MAX_MONTHLY_TRX_ALL: '1e5' })).toEqual([expect.stringMatching(/^CARDS_LIMIT_MAX_MONTHLY_TRX_ALL: /)]);
    expect(problems({ P100_TIMEOUT_MS: '15000' })).toEqual([expect.stringContaining('GATEWAY_COMMAND_TIMEOUT_MS')]);
  });
});
