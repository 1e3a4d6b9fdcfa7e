import fc from 'fast-check';
import { isJsonNumber, jsonNumber, parseJsonExact, parseP100Json, stringifyJson, toPlainDecimal, withNumberFields } from './json';

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

describe('parseP100Json (the client parse of P100 answers)', () => {
  const same = (text: string) => {
    let expected: unknown;
    let refused = false;
    try {
      expected = parseJsonExact(text);
    } catch {
      refused = true;
    }
    if (refused) expect(() => parseP100Json(text)).toThrow();
    else expect(parseP100Json(text)).toEqual(expected);
  };

  it('gives every number its exact decimal text, as parseJsonExact does', () => {
    expect(parseP100Json('{"btc":95432.12,"amount":0.1000000000000000055511,"fee":1.50,"tiny":1e-7,"big":-2E+3,"n":[1,-0,{"x":3}],"s":"1,2"}')).toEqual({
      btc: '95432.12',
      amount: '0.1000000000000000055511',
      fee: '1.50',
      tiny: '0.0000001',
      big: '-2000',
      n: ['1', '-0', { x: '3' }],
      s: '1,2',
    });
    expect(parseP100Json('{"id":"a-1","ok":true,"none":null}')).toEqual({ id: 'a-1', ok: true, none: null });
    expect(parseP100Json(' 42 ')).toBe('42');
  });

  it('refuses what JSON refuses, even where quoting a number would make it valid', () => {
    for (const text of ['{1:2}', '[01]', '{"a":-}', '{"a":1 2}', '[1,,2]', '{"a":"x"1}', '[] 5', '{"a":1.}', '{"a":.5}', '{"a":+1}', '{"a":1,2:3}']) {
      expect(() => parseP100Json(text)).toThrow();
    }
  });

  it('agrees with parseJsonExact on generated documents and on their broken variants', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '1', '-', ',', ':', '"', '{', ']', 'e5', '.'), (text, at, junk) => {
        same(text);
        const cut = at % (text.length + 1);
        same(text.slice(0, cut) + junk + text.slice(cut));
      }),
      { numRuns: 1000, seed: 12 },
    );
  });
});
