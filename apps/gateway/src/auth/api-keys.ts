import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@platform/contracts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The product services' API keys. A presented key is compared as a SHA-256 digest with
 * timingSafeEqual against every key, so neither its length nor its position leaks.
 */
export class ApiKeys {
  private readonly keys: { name: string; digest: Buffer }[];

  constructor(keys: ReadonlyArray<{ name: string; key: string }>) {
    this.keys = keys.map((k) => ({ name: k.name, digest: digest(k.key) }));
  }

  /** The calling service's name, or a DomainError UNAUTHENTICATED. */
  authenticate(presented: unknown): string {
    if (typeof presented !== 'string' || presented.length === 0) throw new DomainError('UNAUTHENTICATED', 'missing x-api-key header');
    const presentedDigest = digest(presented);
    let caller: string | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, presentedDigest)) caller = key.name;
    }
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'unknown API key');
    return caller;
  }
}
