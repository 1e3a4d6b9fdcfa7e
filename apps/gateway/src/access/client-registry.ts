import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@platform/contracts';
import type { ClientCredentials } from './client-credentials.config';
import type { Scope } from './scopes';

export interface AuthenticatedClient {
  name: string;
  /** Which of the client's keys was used: lets operators see when an old key falls silent. */
  keyId: string;
  scopes: ReadonlySet<Scope>;
  rateLimit?: { perSecond: number; burst: number };
}

const MAX_KEY_LENGTH = 512;

export const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * The product services allowed in. A presented key is hashed and compared with
 * timingSafeEqual against every configured digest, always all of them, so neither the key's
 * length nor which entry matched shows in the time taken.
 */
export class ClientRegistry {
  private readonly keys: { digest: Buffer; keyId: string; client: AuthenticatedClient }[];

  constructor(clients: readonly ClientCredentials[]) {
    this.keys = clients.flatMap((c) => {
      const client = { name: c.name, scopes: new Set(c.scopes), rateLimit: c.rateLimit };
      return c.keys.map((k) => ({ digest: Buffer.from(k.sha256, 'hex'), keyId: k.id, client: { ...client, keyId: k.id } }));
    });
  }

  /** The calling client, or DomainError UNAUTHENTICATED. */
  authenticate(presented: unknown): AuthenticatedClient {
    if (typeof presented !== 'string' || presented.length === 0) throw new DomainError('UNAUTHENTICATED', 'missing API key (header or metadata x-api-key)');
    if (presented.length > MAX_KEY_LENGTH) throw new DomainError('UNAUTHENTICATED', 'unknown API key');
    const digest = sha256(presented);
    let found: AuthenticatedClient | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, digest)) found = key.client;
    }
    if (!found) throw new DomainError('UNAUTHENTICATED', 'unknown API key');
    return found;
  }
}
