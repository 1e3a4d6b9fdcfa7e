/**
 * What a product service may do. `<domain>:read` never changes state; `<domain>:write` may
 * (and moves money in payments); `cards:reveal` shows a card's number, apart from cards:read.
 */
export const SCOPES = [
  'users:read',
  'users:write',
  'payments:read',
  'payments:write',
  'cards:read',
  'cards:write',
  'cards:reveal',
  'partner:read',
  'partner:write',
] as const;
export type Scope = (typeof SCOPES)[number];
