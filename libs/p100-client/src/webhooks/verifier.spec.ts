import { WebhookTokenVerifier } from './verifier';

describe('webhook token verifier', () => {
  const verifier = new WebhookTokenVerifier({ current: 'current-secret-token', previous: 'previous-secret-token' });

  it('accepts the current token', () => {
    expect(verifier.verify('current-secret-token')).toBe(true);
  });

  it('accepts the previous token while a rotation is under way', () => {
    expect(verifier.verify('previous-secret-token')).toBe(true);
  });

  it('rejects a wrong token of the same length', () => {
    expect(verifier.verify('current-secret-tokex')).toBe(false);
  });

  it('rejects a missing or empty header', () => {
    expect(verifier.verify(undefined)).toBe(false);
    expect(verifier.verify('')).toBe(false);
  });

  it('rejects tokens of another length, including prefixes and extensions of the secret', () => {
    expect(verifier.verify('current')).toBe(false);
    expect(verifier.verify('current-secret-token-and-more')).toBe(false);
  });

  it('accepts exactly the token, not a Bearer form of it', () => {
    expect(verifier.verify('Bearer current-secret-token')).toBe(false);
  });

  it('rejects the old token once no previous secret is configured', () => {
    expect(new WebhookTokenVerifier({ current: 'current-secret-token' }).verify('previous-secret-token')).toBe(false);
  });

  it('refuses to start without a current secret', () => {
    expect(() => new WebhookTokenVerifier({ current: '' })).toThrow(/current secret/);
  });
});
