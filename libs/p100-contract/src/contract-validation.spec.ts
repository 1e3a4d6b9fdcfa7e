import { createContractValidator } from './contract-validation';
import { readContract } from './openapi-document';

const contract = readContract();
const { validateResponse, validateWebhook } = createContractValidator(contract);
const uuid = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';

describe('the P100 contract as read from openapi.yaml', () => {
  it('has the 57 operations and 19 webhooks the contract README counts, with unique operationIds', () => {
    expect(contract.operations).toHaveLength(57);
    expect(new Set(contract.operations.map((op) => op.operationId)).size).toBe(57);
    expect(contract.webhooks).toHaveLength(19);
  });

  it('compiles the schema of every documented response and webhook', () => {
    for (const op of contract.operations) {
      for (const response of op.responses) expect(() => validateResponse(op.operationId, Number(response.status), {})).not.toThrow();
    }
    for (const webhook of contract.webhooks) expect(() => validateWebhook(webhook.name, {})).not.toThrow();
  });
});

describe('validateResponse', () => {
  it('accepts a documented success body', () => {
    expect(validateResponse('createUserAccount', 201, { userId: uuid, poaRequiredForExtended: false })).toEqual({ ok: true, problems: [] });
  });

  it('names the field whose type breaks the schema', () => {
    const check = validateResponse('createUserAccount', 201, { userId: 42 });
    expect(check.ok).toBe(false);
    expect(check.problems.join()).toMatch(/\/userId must be string/);
  });

  it('rejects an amount sent as a JSON number where the contract says decimal string', () => {
    const balances = { fiatBalances: [{ id: 'b1', amount: 10.5, name: 'eur', rate: 1, iban: null, status: 'ACTIVE' }], cryptoBalances: [] };
    expect(validateResponse('getUserBalances', 200, balances).problems.join()).toMatch(/fiatBalances\/0\/amount must be string/);
  });

  it('asserts formats: a createdAt that is not a date-time fails', () => {
    const transfer = { id: 't1', amount: 10, currency: 'eur', status: 'SUCCESSFUL', createdAt: 'yesterday' };
    expect(validateResponse('getInternalTransferDetails', 200, transfer).problems.join()).toMatch(/createdAt must match format "date-time"/);
    expect(validateResponse('getInternalTransferDetails', 200, { ...transfer, createdAt: '2025-01-20T11:04:29.719Z' }).ok).toBe(true);
  });

  it('rejects a status the operation does not document', () => {
    expect(validateResponse('createUserAccount', 404, {}).problems).toEqual([
      'HTTP 404 is not a documented response of createUserAccount (documented: 201, 400, 401)',
    ]);
  });

  it('accepts the two documented error shapes and checks x-error-codes', () => {
    expect(validateResponse('createUserAccount', 400, { errorCode: 'P411', errorName: 'user-exists', errorMessage: 'User already exists' }).ok).toBe(true);
    expect(validateResponse('createUserAccount', 400, { errorCode: 'P403', errorMessage: 'email must be an email.' }).ok).toBe(true);
    expect(validateResponse('createUserAccount', 400, { errorCode: 'P412', errorName: 'invalid-user', errorMessage: 'x' }).problems.join()).toMatch(
      /error code P412 is not documented for createUserAccount/,
    );
  });

  it('expects the HTML page of Redirect to Verification as text', () => {
    expect(validateResponse('redirectToVerification', 200, '<html></html>').ok).toBe(true);
    expect(validateResponse('redirectToVerification', 200, { url: 'x' }).ok).toBe(false);
  });

  it('refuses an operation the contract does not have', () => {
    expect(validateResponse('getEverything', 200, {}).problems).toEqual(['getEverything is not an operation of openapi.yaml']);
  });
});

describe('validateWebhook', () => {
  it('validates by openapi name or by our catalog event name', () => {
    const payload = { externalUserId: uuid, status: 'ACTIVE' };
    expect(validateWebhook('userBalanceGeneration', payload).ok).toBe(true);
    expect(validateWebhook('user-status', payload).ok).toBe(true);
  });

  it('reports a missing required field and an enum violation', () => {
    expect(validateWebhook('user-status', { externalUserId: uuid }).problems.join()).toMatch(/must have required property 'status'/);
    expect(validateWebhook('kyc-file-status', { externalUserId: uuid, status: 'DONE' }).problems.join()).toMatch(/status must be equal to one of the allowed values/);
  });

  it('accepts any object for the events whose payload the contract does not document', () => {
    expect(validateWebhook('card-3ds-code', { cardId: 'c1', code: '123456' }).ok).toBe(true);
    expect(validateWebhook('card-3ds-code', 'not an object').ok).toBe(false);
  });

  it('refuses an unknown event', () => {
    expect(validateWebhook('payout', {}).ok).toBe(false);
  });
});
