import { randomBytes } from 'node:crypto';

/**
 * What `POST /v1/users` takes for a Polish resident, the user every e2e, fault and bench run
 * onboards: one definition, so a new required field of the contract is added once. The phone is
 * random because P100 (and the sandbox) refuse a phone number a second user already has.
 */
export function newUserBody(externalUserId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> & { externalUserId: string } {
  return {
    externalUserId,
    email: `${externalUserId}@example.com`,
    phone: `48${String(randomBytes(4).readUInt32BE() % 1e9).padStart(9, '0')}`,
    firstName: 'Jan',
    lastName: 'Kowalski',
    street: 'Marszalkowska',
    number: '123/5',
    city: 'Warszawa',
    postCode: '00-001',
    country: 'PL',
    citizenship: 'PL',
    nationality: 'PL',
    birthCountry: 'PL',
    birthDate: '1990-05-15',
    hasAcceptedP100Tc: true,
    ...overrides,
  };
}

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A tiny but real PNG (1×1) for KYC uploads. */
export function pngFile(name: string): File {
  return new File([PNG_1X1], name, { type: 'image/png' });
}
