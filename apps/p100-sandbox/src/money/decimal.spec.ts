import {
  add,
  compare,
  decimalPlaces,
  divRound,
  isPositive,
  mul,
  mulRound,
  normalize,
  parseAmount,
  round,
  sub,
  toFixed,
} from './decimal';

describe('exact decimals', () => {
  it('parses amounts with at most the allowed decimals and normalises them', () => {
    expect(parseAmount('0.12345678', 8)).toBe('0.12345678');
    expect(parseAmount('007.500', 2)).toBe('7.5');
    expect(parseAmount('1.230000000', 2)).toBe('1.23');
    expect(parseAmount('0.123456789', 8)).toBeUndefined();
    expect(parseAmount('-1', 8)).toBeUndefined();
    expect(parseAmount('1e3', 8)).toBeUndefined();
    expect(parseAmount(' 1', 8)).toBeUndefined();
    expect(parseAmount('1.', 8)).toBeUndefined();
    expect(parseAmount(12, 8)).toBeUndefined();
  });

  it('adds and subtracts without floating-point error', () => {
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(add('99999999999999999999.99999999', '0.00000001')).toBe('100000000000000000000');
    expect(sub('0.3', '0.1')).toBe('0.2');
    expect(sub('1', '1.00000001')).toBe('-0.00000001');
    expect(sub('5', '5')).toBe('0');
  });

  it('multiplies exactly and rounds in the requested direction', () => {
    expect(mul('1.1', '1.1')).toBe('1.21');
    expect(mul('55647.81453411', '0.00000001')).toBe('0.0005564781453411');
    expect(mulRound('0.12345678', '55647.81453411', 2, 'down')).toBe('6870.09');
    expect(mulRound('0.12345678', '55647.81453411', 2, 'half-up')).toBe('6870.1');
    expect(mulRound('2', '0.125', 2, 'half-up')).toBe('0.25');
    expect(mulRound('1', '0.125', 2, 'half-up')).toBe('0.13');
    expect(mulRound('1', '0.121', 2, 'up')).toBe('0.13');
    expect(mulRound('1', '0.129', 2, 'down')).toBe('0.12');
    expect(round('-0.125', 2, 'half-up')).toBe('-0.13');
  });

  it('divides to a fixed number of decimals', () => {
    expect(divRound('1', '3', 8, 'down')).toBe('0.33333333');
    expect(divRound('2', '3', 8, 'half-up')).toBe('0.66666667');
    expect(divRound('100', '0.914372', 6, 'down')).toBe('109.364678');
    expect(() => divRound('1', '0', 2, 'down')).toThrow(RangeError);
  });

  it('compares and tests sign across different scales', () => {
    expect(compare('1.10', '1.1')).toBe(0);
    expect(compare('0.00000001', '0')).toBe(1);
    expect(compare('2', '10')).toBe(-1);
    expect(isPositive('0.00000001')).toBe(true);
    expect(isPositive('0.000')).toBe(false);
    expect(isPositive('-1')).toBe(false);
  });

  it('formats without an exponent, however small or large', () => {
    expect(normalize('0.00000000000000000001')).toBe('0.00000000000000000001');
    expect(normalize('123456789012345678901234567890')).toBe('123456789012345678901234567890');
    expect(normalize('-0.000')).toBe('0');
    expect(toFixed('1.5', 8)).toBe('1.50000000');
    expect(toFixed('1.239', 2)).toBe('1.23');
    expect(toFixed('0', 2)).toBe('0.00');
    expect(decimalPlaces('1.2300')).toBe(2);
    expect(decimalPlaces('7')).toBe(0);
  });
});
