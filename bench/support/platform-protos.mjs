// The platform's gRPC services (libs/contracts/proto, package p100platform.v1) as grpc-js
// constructors, for the bench's clients and its bare gRPC front alike.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const { loadSync } = require('@grpc/proto-loader');
const PROTO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../libs/contracts/proto');

/** `defaults`: a client fills unset fields in answers; a server leaves them unset, as the gateway's edge does. */
export function platformGrpcServices({ defaults }) {
  const files = readdirSync(path.join(PROTO_ROOT, 'p100platform/v1'))
    .filter((n) => n.endsWith('.proto'))
    .map((n) => `p100platform/v1/${n}`);
  return grpc.loadPackageDefinition(loadSync(files, { includeDirs: [PROTO_ROOT], keepCase: false, longs: String, enums: String, defaults, oneofs: false })).p100platform.v1;
}
