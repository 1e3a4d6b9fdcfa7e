import { readContract } from './openapi-document';
import { createOperationMatcher, normalizeTemplate } from './operation-matcher';

const contract = readContract();
const match = createOperationMatcher(contract.operations);

describe('createOperationMatcher', () => {
  it('finds every contract operation from a concrete request to its own path', () => {
    for (const op of contract.operations) {
      const concrete = op.path.replace(/\{[^}]+\}/g, 'value-1');
      expect(`${op.operationId} ${match(op.method, `${concrete}?month=1`)?.operationId}`).toBe(`${op.operationId} ${op.operationId}`);
    }
  });

  it('prefers literal segments over parameters', () => {
    expect(match('POST', '/v1/user/balances/crypto-and-fiat')?.operationId).toBe('createUserAccount');
    expect(match('GET', '/v1/user/balances/crypto-and-fiat')?.operationId).toBe('getUserBalances');
    expect(match('PATCH', '/v1/user/suspend/u-1')?.operationId).toBe('suspendUser');
  });

  it('matches nothing for an unknown path, a wrong method or an empty parameter', () => {
    expect(match('GET', '/v1/payments')).toBeUndefined();
    expect(match('PUT', '/v1/user/balances/u-1')).toBeUndefined();
    expect(match('GET', '/v1/user/balances/')).toBeUndefined();
  });
});

describe('normalizeTemplate', () => {
  it('compares OpenAPI and Nest templates by shape, whatever the parameter names', () => {
    expect(normalizeTemplate('/v1/card/details/{externalUserId}/{cardId}')).toBe(normalizeTemplate('/v1/card/details/:userId/:id/'));
  });
});
