import { isJsonNumber, jsonNumber, parseJsonExact, stringifyJson, toPlainDecimal, withNumberFields } from './json';

describe('exact JSON numbers', () => {
  it('reads a number that a float cannot hold as its exact decimal text', () => {
    expect(parseJsonExact('{"amount": 0.1000000000000000055511}')).toEqual({ amount: '0.1000000000000000055511' });
  });

  it('reads every number in nested objects and arrays, leaving other values alone', () => {
    expect(parseJsonExact('{"a":[1,2.50,{"b":-3}],"s":"4","t":true,"n":null}')).toEqual({
      a: ['1', '2.50', { b: '-3' }],
      s: '4',
      t: true,
      n: null,
    });
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect(parseJsonExact('[9007199254740993]')).toEqual(['9007199254740993']);
  });

  it('writes exponent numbers out as plain decimals without rounding', () => {
    expect(parseJsonExact('[1.5e-7, 2E+3, -1.25e1, 0.5e1, 1e0]')).toEqual(['0.00000015', '2000', '-12.5', '5', '1']);
    expect(toPlainDecimal('123.456e-2')).toBe('1.23456');
  });

  it('writes a wrapped decimal into request JSON as a number literal, digit for digit', () => {
    const text = stringifyJson({ amount: jsonNumber('12.345678901234567890123'), currency: 'eth' });
    expect(text).toBe('{"amount":12.345678901234567890123,"currency":"eth"}');
  });

  it('normalises leading zeros so the literal stays valid JSON', () => {
    expect(stringifyJson([jsonNumber('007.50'), jsonNumber('-00.1')])).toBe('[7.50,-0.1]');
  });

  it.each(['1e5', 'abc', '', '1.', '.5', '+1', '1,5', ' 1'])('refuses %j as a decimal', (input) => {
    expect(() => jsonNumber(input)).toThrow(TypeError);
  });

  it('recognises wrapped decimals and nothing else', () => {
    expect(isJsonNumber(jsonNumber('1'))).toBe(true);
    expect(isJsonNumber('1')).toBe(false);
    expect(isJsonNumber({ rawJSON: '1' })).toBe(false);
  });

  it('wraps only the named string fields of a body', () => {
    const body = withNumberFields({ amount: '10.10', lockId: '42', note: 'x' }, ['amount', 'missing']);
    expect(stringifyJson(body)).toBe('{"amount":10.10,"lockId":"42","note":"x"}');
  });
});
