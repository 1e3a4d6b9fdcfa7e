import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One-time codes (card 3-D Secure and activation codes) must never be at rest in clear, yet
 * webhook-ingest keeps every webhook before it answers and publishes it from the stored row.
 * So it seals them: AES-256-GCM with a key from the environment, each value with its own IV and
 * authentication tag, written as `sealed:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url). The
 * service that must show a code to the card holder opens it with the same keys.
 *
 * Keys: `<id>:<32 bytes, base64>` comma-separated; the first seals, every one opens. Rotation:
 * put the new key first and keep the old one after it until no sealed value made with it is
 * left (webhook retention, Kafka retention); then remove it. See docs/webhooks.md.
 */
export class OneTimeCodeSealer {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { id: string; key: Buffer };

  constructor(keys: ReadonlyArray<{ id: string; key: Buffer }>) {
    if (keys.length === 0) throw new Error('OneTimeCodeSealer needs at least one key');
    for (const k of keys) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new Error(`key id "${k.id}" must be 1-32 letters, digits, '_' or '-'`);
      if (k.key.length !== 32) throw new Error(`key ${k.id} must be 32 bytes (AES-256), got ${k.key.length}`);
    }
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.current = keys[0]!;
  }

  /** From `P100_CODE_KEYS`-style text: `id:base64,id:base64` (first one seals). */
  static fromConfig(text: string): OneTimeCodeSealer {
    return new OneTimeCodeSealer(parseKeys(text));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['sealed', 'v1', this.current.id, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join(':');
  }

  open(sealed: string): string {
    const [prefix, version, id, iv, ciphertext, tag] = sealed.split(':');
    if (prefix !== 'sealed' || version !== 'v1' || !id || !iv || ciphertext === undefined || !tag) throw new Error('not a sealed value');
    const key = this.keys.get(id);
    if (!key) throw new Error(`sealed with key ${id}, which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  static isSealed(value: unknown): boolean {
    return typeof value === 'string' && value.startsWith('sealed:v1:');
  }
}

const AAD = Buffer.from('p100-platform/one-time-code');
const b64 = (b: Buffer) => b.toString('base64url');

export function parseKeys(text: string): Array<{ id: string; key: Buffer }> {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(':');
      if (at <= 0) throw new Error('each key must be <id>:<32 bytes as base64>');
      return { id: pair.slice(0, at), key: Buffer.from(pair.slice(at + 1), 'base64') };
    });
}
