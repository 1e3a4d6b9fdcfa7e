import { toPlainDecimal } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';
import { exactJsonBody, jsonAmount } from './exact-json';

const request = (fields: Record<string, unknown>) => fields as unknown as FastifyRequest;

describe('exact JSON amounts', () => {
  it('reads numbers from the raw body as their exact source text, beyond float precision', () => {
    const raw = '{"amount":12345678901234.12345678,"tiny":1e-8,"nested":{"n":[0.1]},"text":"0.3"}';
    expect(exactJsonBody(request({ rawBody: Buffer.from(raw), body: JSON.parse(raw) }))).toEqual({
      amount: '12345678901234.12345678',
      tiny: '0.00000001',
      nested: { n: ['0.1'] },
      text: '0.3',
    });
  });

  it('falls back to the parsed body when the raw body is not kept', () => {
    expect(exactJsonBody(request({ body: { amount: 0.12345678, big: 2e21, s: 'x' } }))).toEqual({
      amount: '0.12345678',
      big: '2000000000000000000000',
      s: 'x',
    });
  });

  it('writes decimals as number literals digit for digit', () => {
    expect(JSON.stringify({ amount: jsonAmount('12345678901234.123456789012'), rate: jsonAmount('1.000') })).toBe(
      '{"amount":12345678901234.123456789012,"rate":1}',
    );
  });

  // The platform's helper, checked here for the exponent forms the parsed-body fallback produces.
  it('turns exponent notation into plain decimals', () => {
    expect(toPlainDecimal('1.5e-7')).toBe('0.00000015');
    expect(toPlainDecimal('-2E+3')).toBe('-2000');
    expect(toPlainDecimal('42')).toBe('42');
  });
});
