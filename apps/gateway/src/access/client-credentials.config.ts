import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SCOPES } from './scopes';

/**
 * One calling product service: its name (in logs and metrics), its keys as SHA-256 digests —
 * one, or two while a key is rotated — its scopes and optionally its own rate limit.
 * The gateway never sees a key in clear: `node tools/gateway/new-api-key.mjs` makes a key and
 * prints the digest to configure.
 */
export const clientCredentialsSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and "-", at most 63'),
  keys: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, '1-32 letters, digits, ".", "_" or "-"'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the key, 64 lower-case hex digits'),
      }),
    )
    .min(1)
    .max(2, 'at most two active keys: the current one and the one being rotated out'),
  scopes: z.array(z.enum(SCOPES)).min(1),
  rateLimit: z.strictObject({ perSecond: z.number().positive().max(100_000), burst: z.number().int().positive().max(1_000_000) }).optional(),
});
export type ClientCredentials = z.infer<typeof clientCredentialsSchema>;

export const clientsSchema = z
  .array(clientCredentialsSchema)
  .min(1)
  .superRefine((clients, ctx) => {
    const names = new Set<string>();
    const digests = new Set<string>();
    for (const [i, client] of clients.entries()) {
      if (names.has(client.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `client ${client.name} is listed twice` });
      names.add(client.name);
      for (const key of client.keys) {
        if (digests.has(key.sha256)) ctx.addIssue({ code: 'custom', path: [i, 'keys'], message: `a key of ${client.name} is also another key` });
        digests.add(key.sha256);
      }
    }
  });

/**
 * GATEWAY_CLIENTS (the JSON array itself) or GATEWAY_CLIENTS_FILE (a JSON file holding it, e.g.
 * a mounted Kubernetes secret). Problems are reported with the path of the offending entry.
 */
export function readClientsSource(env: { GATEWAY_CLIENTS?: string; GATEWAY_CLIENTS_FILE?: string }): unknown {
  if (env.GATEWAY_CLIENTS && env.GATEWAY_CLIENTS_FILE) throw new Error('set GATEWAY_CLIENTS or GATEWAY_CLIENTS_FILE, not both');
  const raw = env.GATEWAY_CLIENTS ?? (env.GATEWAY_CLIENTS_FILE ? readFileSync(env.GATEWAY_CLIENTS_FILE, 'utf8') : undefined);
  if (raw === undefined) throw new Error('set GATEWAY_CLIENTS (JSON) or GATEWAY_CLIENTS_FILE (a JSON file): the product services and their keys (docs/gateway-access.md)');
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`${env.GATEWAY_CLIENTS ? 'GATEWAY_CLIENTS' : 'GATEWAY_CLIENTS_FILE'} is not JSON (${(error as Error).message})`);
  }
}
