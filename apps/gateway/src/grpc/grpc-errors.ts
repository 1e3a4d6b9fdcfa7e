import { Metadata, type ServiceError } from '@grpc/grpc-js';
import path from 'node:path';
import { loadSync } from 'protobufjs';
import { DomainError, grpcStatusForCode, PROTO_ROOT, type ErrorsProto } from '@platform/contracts';

const ErrorDetail = loadSync(path.join(PROTO_ROOT, 'p100platform/v1/errors.proto')).lookupType('p100platform.v1.ErrorDetail');

export type GrpcError = Pick<ServiceError, 'code' | 'details' | 'metadata'> & { message: string };

/**
 * The one mapping of an error to a gRPC status (ERROR_CODES in @platform/contracts) with the
 * stable code, the field and the details in the trailing metadata. Errors that are not domain
 * errors are INTERNAL with a generic message — never UNKNOWN, never the internal message.
 */
export function toGrpcError(error: unknown): GrpcError {
  const domain = error instanceof DomainError ? error : new DomainError('INTERNAL', 'internal error');
  const metadata = new Metadata();
  metadata.set('error-code', domain.code);
  const field = domain.details?.field;
  if (typeof field === 'string') metadata.set('error-field', field);
  const retryAfter = domain.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') metadata.set('retry-after', String(retryAfter));
  const detail: ErrorsProto.ErrorDetail = {
    code: domain.code,
    message: domain.message,
    ...(typeof field === 'string' ? { field } : {}),
    ...(domain.details ? { detailsJson: JSON.stringify(domain.details) } : {}),
  };
  metadata.set('error-details-bin', Buffer.from(ErrorDetail.encode(ErrorDetail.fromObject(detail)).finish()));
  // ERROR_CODES maps no code to UNKNOWN, and an unlisted one to INTERNAL (its test holds both).
  return { code: grpcStatusForCode(domain.code), details: domain.message, message: domain.message, metadata };
}
