import path from 'node:path';
import { loadSync } from 'protobufjs';
import { DomainError, ERROR_CODES, GRPC_STATUS, PROTO_ROOT } from '@platform/contracts';
import { toGrpcError } from './grpc-errors';

const ErrorDetail = loadSync(path.join(PROTO_ROOT, 'p100platform/v1/errors.proto')).lookupType('p100platform.v1.ErrorDetail');

describe('toGrpcError', () => {
  it.each(Object.entries(ERROR_CODES))('answers %s with its gRPC status and the code in the trailers', (code, { grpc }) => {
    const error = toGrpcError(new DomainError(code, `${code} happened`));
    expect(error.code).toBe(GRPC_STATUS[grpc]);
    expect(error.metadata.get('error-code')).toEqual([code]);
    expect(error.details).toBe(`${code} happened`);
  });

  it('carries the field and the details, also as an ErrorDetail message', () => {
    const error = toGrpcError(new DomainError('VALIDATION_FAILED', 'email: invalid', { field: 'email', issues: [{ field: 'email' }] }));
    expect(error.metadata.get('error-field')).toEqual(['email']);
    const [bin] = error.metadata.get('error-details-bin') as Buffer[];
    const detail = ErrorDetail.toObject(ErrorDetail.decode(bin!)) as { code: string; field: string; detailsJson: string };
    expect(detail).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    expect(JSON.parse(detail.detailsJson)).toEqual({ field: 'email', issues: [{ field: 'email' }] });
  });

  it('answers anything else as INTERNAL with a generic message: never UNKNOWN, never the internal text', () => {
    const error = toGrpcError(new Error('connection to db-7 refused, password=hunter2'));
    expect(error.code).toBe(GRPC_STATUS.INTERNAL);
    expect(error.details).toBe('internal error');
    expect(error.metadata.get('error-code')).toEqual(['INTERNAL']);
  });

  it('puts a rate limit\'s wait in retry-after', () => {
    expect(toGrpcError(new DomainError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 3 })).metadata.get('retry-after')).toEqual(['3']);
  });
});
