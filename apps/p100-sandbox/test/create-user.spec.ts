import { createUser, json, newUserBody } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';
import { userState } from './support/sandbox-admin';

const CREATE = '/v1/user/balances/crypto-and-fiat';

describe('Create User Account', () => {
  const { sandbox } = useTestSandbox();

  it('creates a user waiting for KYC and answers 201 with a userId and the POA flag', async () => {
    const body = newUserBody();
    const response = await sandbox.p100(CREATE, json(body));

    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toEqual({ userId: expect.stringMatching(/^[0-9a-f-]{36}$/), poaRequiredForExtended: false });
    const state = await userState(sandbox, body.externalUserId);
    expect(state).toMatchObject({ userId: created.userId, status: 'WAITING_FOR_KYC' });
  });

  it('flags proof of address for residents of the POA countries', async () => {
    const created = await createUser(sandbox, { country: 'UA' });
    expect(created.poaRequiredForExtended).toBe(true);
  });

  it('creates no balances before KYC, so Get User Balances lists none', async () => {
    const { externalUserId } = await createUser(sandbox);
    const response = await sandbox.p100(`/v1/user/balances/${externalUserId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fiatBalances: [], cryptoBalances: [] });
  });

  it('answers P411 user-exists when the externalUserId is used again', async () => {
    const body = newUserBody();
    expect((await sandbox.p100(CREATE, json(body))).status).toBe(201);

    const again = await sandbox.p100(CREATE, json({ ...newUserBody(), externalUserId: body.externalUserId }));

    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ errorCode: 'P411', errorName: 'user-exists', errorMessage: expect.any(String) });
  });

  it('answers P465 when the email belongs to another user, whatever its case', async () => {
    const first = await createUser(sandbox);
    const response = await sandbox.p100(CREATE, json(newUserBody({ email: String(first.email).toUpperCase() })));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'P465', errorName: expect.any(String) });
  });

  it('answers P464 when the phone belongs to another user', async () => {
    const first = await createUser(sandbox);
    const response = await sandbox.p100(CREATE, json(newUserBody({ phone: first.phone })));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'P464' });
  });

  it('answers P403 with the two-field validation body when a required field is missing', async () => {
    const { email: _omitted, ...body } = newUserBody();
    const response = await sandbox.p100(CREATE, json(body));

    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error).toEqual({ errorCode: 'P403', errorMessage: expect.stringContaining('email') });
    expect(error).not.toHaveProperty('errorName');
  });

  it('answers P403 naming every problem when several fields are wrong', async () => {
    const response = await sandbox.p100(
      CREATE,
      json(newUserBody({ country: 'XX', hasAcceptedP100Tc: false, birthDate: '1990-02-30', phone: '+48601234567', firstName: 42 })),
    );
    expect(response.status).toBe(400);
    const { errorCode, errorMessage } = await response.json();
    expect(errorCode).toBe('P403');
    expect(errorMessage).toContain('country must be a valid ISO 3166-1 alpha-2 country code');
    expect(errorMessage).toContain('hasAcceptedP100Tc must be true');
    expect(errorMessage).toContain('birthDate must be a valid date');
    expect(errorMessage).toContain('phone must contain only digits');
    expect(errorMessage).toContain('firstName must be a string');
  });

  // Regression (issue 8, finding 4): a NUL reached the sandbox's Postgres and came back as a 500,
  // which the platform must treat as "maybe created" (user left CREATING, intent unknown).
  it('answers P403 naming the field for a NUL or an unpaired surrogate, and creates nobody', async () => {
    for (const [field, value] of [['firstName', 'Ja\u0000n'], ['city', 'Warszawa\ud800']] as const) {
      const body = { ...newUserBody(), [field]: value };
      const response = await sandbox.p100(CREATE, json(body));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errorCode: 'P403', errorMessage: expect.stringContaining(field) });
      expect((await sandbox.p100(`/v1/user/balances/${body.externalUserId}`)).status).not.toBe(200);
    }
  });

  it('answers P403 for a body that is not JSON', async () => {
    const response = await sandbox.p100(CREATE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"externalUserId":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'P403' });
  });

  it('answers P431 forbidden-country for a resident of a forbidden country', async () => {
    const response = await sandbox.p100(CREATE, json(newUserBody({ country: 'KP' })));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: 'P431', errorName: 'forbidden-country', errorMessage: expect.any(String) });
  });

  it('answers 401 Access Denied without an x-api-key and stores nothing', async () => {
    const body = newUserBody();
    const response = await fetch(sandbox.baseUrl + CREATE, json(body));

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ statusCode: 401, message: 'Access Denied', error: 'Unauthorized' });
    expect((await sandbox.admin(`/admin/users/${body.externalUserId}`)).status).toBe(404);
  });

  it('answers 401 Access Denied for a wrong key, including the right key in another case or with an extra character', async () => {
    for (const key of ['wrong-key', sandbox.config.apiKey.toUpperCase(), `${sandbox.config.apiKey}x`]) {
      const response = await fetch(sandbox.baseUrl + CREATE, json(newUserBody(), { 'x-api-key': key }));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ statusCode: 401, message: 'Access Denied', error: 'Unauthorized' });
    }
  });

  it('answers P412 for the balances of an unknown user', async () => {
    const response = await sandbox.p100('/v1/user/balances/nobody-here');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: 'P412', errorName: 'invalid-user', errorMessage: 'User does not exist' });
  });
});
