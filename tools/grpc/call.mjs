// Calls one method of the gateway's gRPC edge with a plain @grpc/grpc-js client, from the
// .proto files alone — the same code a product service would write.
//   node tools/grpc/call.mjs <Service>/<Method> '<request JSON>' [--address 127.0.0.1:3010] \
//     [--key <x-api-key>] [--idempotency-key <key>] [--deadline-ms 10000]
//   node tools/grpc/call.mjs UsersService/GetUser '{"externalUserId":"jan-0001"}'
// The key defaults to $GATEWAY_API_KEY, then to the dev key of `npm start`.
// Prints the response as JSON; on an error, the gRPC status and the platform's error code.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const { loadSync } = require('@grpc/proto-loader');
const { DEV_SECRETS, GRPC_OFFSET } = require('../platform/services.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROTO_ROOT = path.join(root, 'libs/contracts/proto');
// Every service of the contract, so a new .proto needs no change here.
const PROTO_FILES = readdirSync(path.join(PROTO_ROOT, 'p100platform/v1'))
  .filter((name) => name.endsWith('.proto'))
  .map((name) => `p100platform/v1/${name}`);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const address = option('address', `127.0.0.1:${Number(process.env.PLATFORM_BASE_PORT || 3000) + GRPC_OFFSET}`);
const key = option('key', process.env.GATEWAY_API_KEY || DEV_SECRETS.gatewayApiKey);
const idempotencyKey = option('idempotency-key');
const deadlineMs = Number(option('deadline-ms', '10000'));
const [target, requestJson = '{}'] = args;
const [service, method] = (target ?? '').split('/');
if (!service || !method) {
  console.error("usage: node tools/grpc/call.mjs <Service>/<Method> '<request JSON>' [--address host:port] [--key K] [--idempotency-key K] [--deadline-ms N]");
  process.exit(2);
}

const definition = grpc.loadPackageDefinition(loadSync(PROTO_FILES, { includeDirs: [PROTO_ROOT], keepCase: false, longs: String, enums: String, defaults: true, oneofs: false }));
const Service = definition.p100platform.v1[service];
if (!Service) {
  console.error(`no service ${service} in package p100platform.v1; known: ${Object.keys(definition.p100platform.v1).filter((k) => definition.p100platform.v1[k].service).join(', ')}`);
  process.exit(2);
}
const client = new Service(address, grpc.credentials.createInsecure());
const fn = client[method.charAt(0).toLowerCase() + method.slice(1)];
if (!fn) {
  console.error(`no method ${method} in ${service}; known: ${Object.keys(Service.service).join(', ')}`);
  process.exit(2);
}
const metadata = new grpc.Metadata();
metadata.set('x-api-key', key);
if (idempotencyKey) metadata.set('idempotency-key', idempotencyKey);
fn.call(client, JSON.parse(requestJson), metadata, { deadline: Date.now() + deadlineMs }, (error, response) => {
  client.close();
  if (error) {
    const code = error.metadata?.get('error-code')[0];
    console.error(`${grpc.status[error.code]} (${error.code})${code ? ` ${code}` : ''}: ${error.details}`);
    if (error.code === grpc.status.UNAVAILABLE) console.error(`is the gateway running? (npm start; gRPC on ${address})`);
    process.exit(1);
  }
  console.log(JSON.stringify(response, null, 2));
});
