import { randomBytes } from 'node:crypto';
import { OneTimeCodeSealer } from './one-time-code-sealer';
import { sealJsonFields } from './sealed-json';

const key = () => randomBytes(32).toString('base64');

describe('one-time code sealing (AES-256-GCM)', () => {
  it('seals a code so that it cannot be read, and opens it again', () => {
    const sealer = OneTimeCodeSealer.fromConfig(`k2:${key()}`);
    const sealed = sealer.seal('493817');
    expect(sealed).toMatch(/^sealed:v1:k2:/);
    expect(sealed).not.toContain('493817');
    expect(sealer.seal('493817')).not.toBe(sealed); // a fresh IV each time
    expect(sealer.open(sealed)).toBe('493817');
  });

  it('rotates: the first key seals, every configured key opens, a removed key does not', () => {
    const oldKey = `k1:${key()}`;
    const newKey = `k2:${key()}`;
    const before = OneTimeCodeSealer.fromConfig(oldKey).seal('111111');
    const during = OneTimeCodeSealer.fromConfig(`${newKey},${oldKey}`);
    expect(during.open(before)).toBe('111111');
    expect(during.seal('222222')).toMatch(/^sealed:v1:k2:/);
    expect(() => OneTimeCodeSealer.fromConfig(newKey).open(before)).toThrow(/k1/);
  });

  it('refuses a tampered value and a wrong-sized key', () => {
    const sealer = OneTimeCodeSealer.fromConfig(`k:${key()}`);
    const parts = sealer.seal('493817').split(':');
    parts[4] = Buffer.from('999999').toString('base64url');
    expect(() => sealer.open(parts.join(':'))).toThrow();
    expect(() => OneTimeCodeSealer.fromConfig(`k:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
  });

  it('seals the named fields of a JSON body and keeps every number exactly', () => {
    const sealer = OneTimeCodeSealer.fromConfig(`k:${key()}`);
    const text = sealJsonFields('{"cardId":"c1","code":"493817","amount":0.1000000000000000055511,"nested":{"activation_code":"7777"}}', new Set(['code', 'activationcode']), sealer);
    expect(text).not.toContain('493817');
    expect(text).not.toContain('7777');
    expect(text).toContain('"amount":0.1000000000000000055511');
    const parsed = JSON.parse(text);
    expect(sealer.open(parsed.code)).toBe('493817');
    expect(sealer.open(parsed.nested.activation_code)).toBe('7777');
    expect(parsed.cardId).toBe('c1');
  });
});
