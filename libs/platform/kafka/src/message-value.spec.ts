import { decodeMessageValue } from './message-value';

describe('decodeMessageValue', () => {
  it('turns every number of an event body into its exact decimal text', () => {
    const bytes = Buffer.from('{"amount":0.123456789012345678,"items":[{"qty":3}],"rate":2E+3}');
    expect(decodeMessageValue(bytes, 'exact')).toEqual({ amount: '0.123456789012345678', items: [{ qty: '3' }], rate: '2000' });
  });

  it('parses our own commands as plain JSON, where numbers are counts and limits', () => {
    expect(decodeMessageValue(Buffer.from('{"type":"x","payload":{"limit":20}}'), 'plain')).toEqual({ type: 'x', payload: { limit: 20 } });
  });

  it('hands a body that is not JSON on as text, for the consumer schema to reject and dead-letter', () => {
    expect(decodeMessageValue(Buffer.from('not json {'), 'exact')).toBe('not json {');
  });

  it('passes through values a transport already decoded, and an empty body as null', () => {
    expect(decodeMessageValue({ a: 1 }, 'exact')).toEqual({ a: 1 });
    expect(decodeMessageValue(null, 'exact')).toBeNull();
  });
});
