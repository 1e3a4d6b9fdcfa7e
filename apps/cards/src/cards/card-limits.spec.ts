import { CARD_LIMIT_MAXIMA_DEFAULTS, DomainError } from '@platform/contracts';
import { checkLimitMaxima, compareDecimals, limitText, limitsFromP100, mergeLimits, sameLimits } from './card-limits';

const SIX = { dailyTrxAll: '2000', monthlyTrxAll: '10000', dailyTrxAtm: '500', monthlyTrxAtm: '2000', dailyTrxEcom: '2000', monthlyTrxEcom: '10000' };
/** SIX as limits are shown: two decimals each. */
const SIX2 = { dailyTrxAll: '2000.00', monthlyTrxAll: '10000.00', dailyTrxAtm: '500.00', monthlyTrxAtm: '2000.00', dailyTrxEcom: '2000.00', monthlyTrxEcom: '10000.00' };

describe('card limits as decimal strings', () => {
  it('compares decimals exactly, beyond what a float holds', () => {
    expect(compareDecimals('10000.01', '10000')).toBe(1);
    expect(compareDecimals('10000.00', '10000')).toBe(0);
    expect(compareDecimals('9999.99', '10000')).toBe(-1);
    expect(compareDecimals('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimals('0.1', '0.10000000000000000001')).toBe(-1);
  });

  it('shows a limit as an amount with its two decimals, whoever wrote it, rounding nothing away', () => {
    expect(limitText('150.50')).toBe('150.50');
    expect(limitText('150.5')).toBe('150.50');
    expect(limitText('0250.5')).toBe('250.50');
    expect(limitText('2000.000')).toBe('2000.00');
    expect(limitText('2000')).toBe('2000.00');
    expect(limitText('0')).toBe('0.00');
    expect(limitText('1.2345')).toBe('1.2345');
  });

  it('refuses the first limit above its maximum, naming the field, the maximum and its variable', () => {
    const refused = () => checkLimitMaxima({ dailyTrxAll: '500', dailyTrxAtm: '2000.01' }, CARD_LIMIT_MAXIMA_DEFAULTS);
    expect(refused).toThrow(DomainError);
    expect(refused).toThrow(expect.objectContaining({
      code: 'CARD_LIMIT_ABOVE_MAXIMUM',
      message: 'limits.dailyTrxAtm: 2000.01 is above the maximum of 2000 EUR (CARDS_LIMIT_MAX_DAILY_TRX_ATM)',
      details: { field: 'limits.dailyTrxAtm', maximum: '2000' },
    }));
    expect(() => checkLimitMaxima({ dailyTrxAtm: '2000', monthlyTrxAll: '50000.00' }, CARD_LIMIT_MAXIMA_DEFAULTS)).not.toThrow();
  });

  it("takes P100's six limits as exact text, and refuses an answer that lacks one", () => {
    expect(limitsFromP100({ ...SIX, dailyTrxAtm: '250.5', dailyTrxEcom: '2000.000' })).toEqual({ ...SIX2, dailyTrxAtm: '250.50', dailyTrxEcom: '2000.00' });
    expect(() => limitsFromP100({ ...SIX, monthlyTrxEcom: undefined })).toThrow(expect.objectContaining({ code: 'P100_UNAVAILABLE', message: expect.stringContaining('monthlyTrxEcom') }));
  });

  it('sends the given limits over the current ones, and knows when nothing changed', () => {
    const merged = mergeLimits(SIX, { dailyTrxAll: '1500.20' });
    expect(merged).toEqual({ ...SIX2, dailyTrxAll: '1500.20' });
    expect(sameLimits(merged, { ...merged, dailyTrxAll: '1500.2' })).toBe(true);
    expect(sameLimits(SIX, { ...SIX })).toBe(true);
    expect(sameLimits(SIX, merged)).toBe(false);
    expect(sameLimits(null, SIX)).toBe(false);
  });
});
