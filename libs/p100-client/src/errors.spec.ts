import { Registry } from 'prom-client';
import { P100Client } from './client';
import { mapErrorResponse } from './error-mapping';
import {
  P100_ERROR_CLASSES,
  P100AuthError,
  P100Error,
  P100KycVerificationPendingError,
  P100SepaTransferNotFoundError,
  P100UserExistsError,
  P100ValidationError,
} from './errors';
import { json, StubP100 } from './test-support/stub-p100';

const API_KEY = 'secret-key-do-not-leak';

describe('P100 error mapping', () => {
  let stub: StubP100;
  let client: P100Client;

  beforeEach(async () => {
    stub = await StubP100.start();
    client = new P100Client({ baseUrl: stub.baseUrl, apiKey: API_KEY, retry: { maxAttempts: 1 } }, { registry: new Registry() });
  });

  afterEach(async () => {
    client.close();
    await stub.close();
  });

  const createUser = () => client.users.create({ externalUserId: 'ext-1' } as never).catch((e: unknown) => e as P100Error);

  it('maps the three-field business error body to its class with code, name, status and request id', async () => {
    stub.handler = (_req, res) =>
      json(res, 400, { errorCode: 'P411', errorName: 'user-exists', errorMessage: 'User already exists' }, { 'x-request-id': 'req-42' });
    const error = await createUser();
    expect(error).toBeInstanceOf(P100UserExistsError);
    expect(error).toMatchObject({
      code: 'P411',
      httpStatus: 400,
      errorName: 'user-exists',
      message: 'User already exists',
      requestId: 'req-42',
      operation: 'createUserAccount',
      name: 'P100UserExistsError',
      isOutage: false,
    });
  });

  it('maps the two-field P403 validation body, which has no errorName', async () => {
    stub.handler = (_req, res) => json(res, 400, { errorCode: 'P403', errorMessage: 'email must be an email. phone must be a string' });
    const error = await createUser();
    expect(error).toBeInstanceOf(P100ValidationError);
    expect(error).toMatchObject({ code: 'P403', errorName: undefined, message: 'email must be an email. phone must be a string' });
  });

  it('keeps the 404 status of a not-found code', async () => {
    stub.handler = (_req, res) => json(res, 404, { errorCode: 'P428', errorName: 'sepa-transfer-not-found', errorMessage: 'Sepa transfer not found' });
    const error = await client.sepa.getTransferDetails('t-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100SepaTransferNotFoundError);
    expect(error).toMatchObject({ httpStatus: 404 });
  });

  it('maps 401 Access Denied to P100AuthError', async () => {
    stub.handler = (_req, res) => json(res, 401, { message: 'Access Denied' });
    const error = await createUser();
    expect(error).toBeInstanceOf(P100AuthError);
    expect(error).toMatchObject({ code: 'ACCESS_DENIED', httpStatus: 401 });
  });

  it('turns a 202 pending answer carrying P212 into a typed error instead of a result', async () => {
    stub.handler = (_req, res) => json(res, 202, { errorCode: 'P212', errorMessage: 'KYC verification pending' });
    const error = await client.kyc
      .createVerification({ externalUserId: 'e', documentType: 'PASSPORT', country: 'PL', incomeSource: 'OTHER', openAccountReason: 'DAILY_USE' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100KycVerificationPendingError);
    expect(error).toMatchObject({ httpStatus: 202, isOutage: false });
  });

  it('treats P500 and P501 sent as HTTP 400 as outages', () => {
    for (const code of ['P500', 'P501']) {
      const error = mapErrorResponse({ status: 400, bodyText: JSON.stringify({ errorCode: code, errorMessage: 'x' }) });
      expect(error.isOutage).toBe(true);
      expect(error).toBeInstanceOf(P100_ERROR_CLASSES[code as 'P500']);
    }
  });

  it('keeps an unknown P-code as a plain P100Error with that code', () => {
    const error = mapErrorResponse({ status: 400, bodyText: '{"errorCode":"P999","errorName":"new-thing"}' });
    expect(error.constructor).toBe(P100Error);
    expect(error).toMatchObject({ code: 'P999', message: 'new-thing' });
  });

  it('never puts the API key into an error message, even when P100 echoes it', async () => {
    stub.handler = (req, res) => json(res, 400, { errorCode: 'P403', errorMessage: `bad key ${req.headers['x-api-key']}` });
    const error = await createUser();
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('[redacted]');
  });

  it('has one class for each of the 28 documented codes', () => {
    const codes = Object.keys(P100_ERROR_CLASSES);
    expect(codes).toHaveLength(28);
    expect(new Set(Object.values(P100_ERROR_CLASSES)).size).toBe(28);
    for (const code of codes) {
      const error = mapErrorResponse({ status: 400, bodyText: JSON.stringify({ errorCode: code }) });
      expect(error).toBeInstanceOf(P100_ERROR_CLASSES[code as keyof typeof P100_ERROR_CLASSES]);
    }
  });
});
