// Makes a new API key for a product service and prints the entry to add to GATEWAY_CLIENTS
// (or the file GATEWAY_CLIENTS_FILE names). The gateway stores only the SHA-256 digest: hand
// the key to the calling service through your secret store, and do not keep it anywhere else.
//   node tools/gateway/new-api-key.mjs <client-name> [--scopes users:read,users:write] [--key-id 2026-12]
import { createHash, randomBytes } from 'node:crypto';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const scopes = option('scopes', 'users:read').split(',').map((s) => s.trim()).filter(Boolean);
const keyId = option('key-id', new Date().toISOString().slice(0, 7));
const [name] = args;
if (!name || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) {
  console.error('usage: node tools/gateway/new-api-key.mjs <client-name: lower-case letters, digits, "-"> [--scopes a:b,c:d] [--key-id id]');
  process.exit(2);
}
const key = `p100gw_${randomBytes(32).toString('base64url')}`;
const sha256 = createHash('sha256').update(key, 'utf8').digest('hex');
console.log(`API key for ${name} (shown once; give it to the service, keep no copy):\n  ${key}\n`);
console.log('Entry for GATEWAY_CLIENTS (to rotate: add this key beside the old one, deploy, move the caller, then remove the old key):');
console.log(JSON.stringify({ name, keys: [{ id: keyId, sha256 }], scopes }, null, 2));
