import path from 'node:path';

/**
 * Where the gRPC contract's .proto files are: libs/contracts/proto, next to this lib's src both
 * in the source tree and in dist/ (the build copies them).
 */
export const PROTO_ROOT = path.resolve(__dirname, '../../proto');

/** The platform's services, as files under PROTO_ROOT: one service per domain. */
export const PLATFORM_PROTO_FILES = ['p100platform/v1/users.proto', 'p100platform/v1/payments.proto', 'p100platform/v1/reconciliation.proto', 'p100platform/v1/partner.proto', 'p100platform/v1/cards.proto', 'p100platform/v1/errors.proto'];

/** The gRPC package of the platform's services. */
export const PLATFORM_GRPC_PACKAGE = 'p100platform.v1';
