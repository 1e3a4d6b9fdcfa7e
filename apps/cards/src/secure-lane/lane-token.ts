import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The secure lane's shared secret (CARDS_LANE_TOKEN), checked in constant time: both sides are
 * hashed first, so the comparison takes as long whatever was sent, and its length says nothing.
 */
export class LaneToken {
  private readonly expected: Buffer;

  constructor(token: string) {
    if (token.length < 32) throw new Error('CARDS_LANE_TOKEN must be at least 32 characters');
    this.expected = sha256(token);
  }

  /** Whether an `Authorization` header value is `Bearer <the token>`. */
  admits(authorization: string | string[] | undefined): boolean {
    const match = typeof authorization === 'string' ? /^Bearer (\S+)$/.exec(authorization) : null;
    const same = timingSafeEqual(sha256(match?.[1] ?? ''), this.expected);
    return match !== null && same;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
