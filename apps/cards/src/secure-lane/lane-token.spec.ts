import { LaneToken } from './lane-token';

const TOKEN = 'a-lane-token-of-at-least-32-characters!';

describe('LaneToken', () => {
  const token = new LaneToken(TOKEN);

  it('admits exactly "Bearer <token>"', () => {
    expect(token.admits(`Bearer ${TOKEN}`)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['another token', 'Bearer a-lane-token-of-at-least-32-characters?'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token with more after it', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${TOKEN}`],
    ['the bare token', TOKEN],
    ['the header twice', [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]],
  ])('refuses %s', (_case, header) => {
    expect(token.admits(header)).toBe(false);
  });

  it('refuses to guard the lane with a short token', () => {
    expect(() => new LaneToken('short')).toThrow(/32 characters/);
  });
});
