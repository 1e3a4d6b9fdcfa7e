import { JsonInputError, parseBoundedJson, unstorableFields } from './bounded-json';

const refusal = (text: string) => {
  try {
    parseBoundedJson(text);
  } catch (error) {
    if (error instanceof JsonInputError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('accepted');
};

describe('parseBoundedJson (external JSON under bounds)', () => {
  it('parses ordinary JSON with numbers as exact decimal strings', () => {
    expect(parseBoundedJson('{"amount":0.1000000000000000055511,"n":2E+3,"items":[{"ok":true}]}')).toEqual({
      amount: '0.1000000000000000055511',
      n: '2000',
      items: [{ ok: true }],
    });
  });

  it('refuses numbers that are, or would expand to, more digits than allowed, before expanding them', () => {
    expect(refusal('{"amount":1e5000000}')).toEqual({ code: 'VALIDATION_FAILED', field: 'amount' });
    expect(refusal('{"amount":1e-999999999}')).toEqual({ code: 'VALIDATION_FAILED', field: 'amount' });
    expect(refusal(`{"amount":${'9'.repeat(65)}}`)).toEqual({ code: 'VALIDATION_FAILED', field: 'amount' });
    expect(parseBoundedJson('{"amount":1.5e-7}')).toEqual({ amount: '0.00000015' });
  });

  it('refuses nesting deeper than the limit without walking it, and ignores brackets inside strings', () => {
    expect(refusal(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toEqual({ code: 'VALIDATION_FAILED', field: '(body)' });
    expect(parseBoundedJson(`{"text":"${'['.repeat(100)}\\"["}`)).toEqual({ text: `${'['.repeat(100)}"[` });
  });

  it('refuses NUL and unpaired surrogates in values and in property names, naming the path', () => {
    expect(refusal('{"user":{"name":"a\\u0000b"}}')).toEqual({ code: 'VALIDATION_FAILED', field: 'user.name' });
    expect(refusal('{"tags":["ok","\\udc00"]}')).toEqual({ code: 'VALIDATION_FAILED', field: 'tags.1' });
    expect(refusal('{"a\\u0000":1}')).toMatchObject({ code: 'VALIDATION_FAILED' });
    // A proper surrogate pair is text.
    expect(parseBoundedJson('{"emoji":"\\ud83d\\ude00"}')).toEqual({ emoji: '😀' });
  });

  it('lists, for decoded input, the fields of every string that is not storable text, in document order', () => {
    expect(unstorableFields({ a: 'ok', files: [{ filename: 'x\u0000' }, { filename: 'ok' }], b: '\ud800' })).toEqual(['files.0.filename', 'b']);
    expect(unstorableFields('\u0000')).toEqual(['']);
    // Bytes are data: a NUL inside a file is fine, and a large buffer is not walked byte by byte.
    expect(unstorableFields({ data: Buffer.alloc(5 * 1024 * 1024), emoji: '\ud83d\ude00' })).toEqual([]);
    // Any depth, without recursion.
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableFields(deep)).toHaveLength(1);
  });

  it('refuses a byte order mark and text that is not JSON as MALFORMED_JSON', () => {
    expect(refusal('\ufeff{}')).toEqual({ code: 'MALFORMED_JSON', field: '(body)' });
    expect(refusal('{"a":')).toEqual({ code: 'MALFORMED_JSON', field: '(body)' });
  });

  it('bounds string length', () => {
    expect(refusal(JSON.stringify({ note: 'x'.repeat(16_385) }))).toEqual({ code: 'VALIDATION_FAILED', field: 'note' });
  });
});
