import { P100CircuitOpenError, P100Error, P100NetworkError, P100TimeoutError } from './errors';
import { classifyP100Failure, p100ErrorToReply } from './p100-failures';

describe('P100 failure classification', () => {
  it('treats a business rejection as final and maps known codes to platform codes', () => {
    const exists = new P100Error('P411', 400, 'User exists', 'user-exists');
    expect(classifyP100Failure(exists).kind).toBe('rejected');
    expect(p100ErrorToReply(exists)).toMatchObject({ code: 'USER_ALREADY_EXISTS', details: { p100Code: 'P411' } });
    expect(p100ErrorToReply(new P100Error('P431', 400, 'Forbidden country'))).toMatchObject({ code: 'FORBIDDEN_COUNTRY', details: { p100Code: 'P431' } });
    expect(p100ErrorToReply(new P100Error('P434', 400, 'Card not exist', 'invalid-card'))).toMatchObject({ code: 'CARD_NOT_FOUND' });
    expect(p100ErrorToReply(new P100Error('P454', 400, 'Suspension is not possible due to active cards'))).toMatchObject({ code: 'USER_HAS_ACTIVE_CARDS' });
    // A code without a platform meaning of its own stays P100_REJECTED, with P100's code beside it.
    expect(p100ErrorToReply(new P100Error('P424', 400, 'Source or destination must be provided'))).toMatchObject({ code: 'P100_REJECTED', details: { p100Code: 'P424' } });
    expect(p100ErrorToReply(new P100Error('P433', 400, 'Insufficient funds', 'insufficient-funds'))).toMatchObject({ code: 'INSUFFICIENT_FUNDS', details: { p100Code: 'P433' } });
    expect(p100ErrorToReply(new P100Error('P455', 400, 'User suspended', 'user-suspended'))).toMatchObject({ code: 'USER_SUSPENDED' });
  });

  it('knows a request that never left may be sent again', () => {
    expect(classifyP100Failure(new P100CircuitOpenError('users')).kind).toBe('not_sent');
    expect(classifyP100Failure(new P100NetworkError('refused', false)).kind).toBe('not_sent');
    expect(classifyP100Failure(new P100Error('P501', 400, 'Service temporarily unavailable')).kind).toBe('not_sent');
  });

  it('marks a timeout or a broken connection after sending as unknown, to be reconciled', () => {
    expect(classifyP100Failure(new P100TimeoutError(1000)).kind).toBe('unknown');
    expect(classifyP100Failure(new P100NetworkError('reset', true)).kind).toBe('unknown');
    expect(p100ErrorToReply(new P100TimeoutError(1000))).toMatchObject({ code: 'P100_UNAVAILABLE' });
  });
});

describe('P100 unknown exceptions', () => {
  it('does not assume P500 left nothing behind', () => {
    expect(classifyP100Failure(new P100Error('P500', 400, 'Unknown exception')).kind).toBe('unknown');
  });
});
