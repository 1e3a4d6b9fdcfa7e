import { hash, timingSafeEqual } from 'node:crypto';

export interface WebhookSecrets {
  current: string;
  /** The secret being rotated out; accepted until it is removed from configuration. */
  previous?: string;
}

/**
 * Checks the `Authorization` header P100 puts on every webhook: the plain shared token, not an
 * HMAC and not `Bearer <token>`. Both sides are hashed to SHA-256 first so timingSafeEqual always
 * compares 32 bytes and neither the token's content nor its length leaks through timing.
 */
export class WebhookTokenVerifier {
  private readonly digests: Buffer[];

  constructor(secrets: WebhookSecrets) {
    if (!secrets.current) throw new TypeError('WebhookTokenVerifier needs the current secret');
    this.digests = [secrets.current, secrets.previous].filter((s): s is string => !!s).map(sha256);
  }

  verify(authorizationHeader: string | undefined): boolean {
    if (!authorizationHeader) return false;
    const presented = sha256(authorizationHeader);
    // Compare against every secret, without short-circuiting, so timing does not tell which matched.
    let matched = false;
    for (const digest of this.digests) matched = timingSafeEqual(presented, digest) || matched;
    return matched;
  }
}

// One-shot hash (no Hash object per call): this runs on every webhook request.
function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
