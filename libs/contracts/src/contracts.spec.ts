import { allTopicNames, createUserSchema, WEBHOOK_CATALOG, webhookTopic } from './index';

const validUser = {
  externalUserId: 'user-001',
  email: 'jan@example.com',
  phone: '48601234567',
  firstName: 'Jan',
  lastName: 'Kowalski',
  street: 'Marszalkowska',
  number: '1',
  city: 'Warszawa',
  postCode: '00-001',
  country: 'pl',
  citizenship: 'PL',
  nationality: 'PL',
  birthCountry: 'PL',
  birthDate: '1990-05-15',
  hasAcceptedP100Tc: true,
};

describe('contracts', () => {
  it('accepts a complete user and upper-cases countries', () => {
    expect(createUserSchema.parse(validUser).country).toBe('PL');
  });

  it('names the field of an unknown country', () => {
    const result = createUserSchema.safeParse({ ...validUser, country: 'XX' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['country']);
    expect(result.error?.issues[0]?.message).toMatch(/^UNKNOWN_COUNTRY/);
  });

  it('rejects fields it does not know, so typos do not pass silently', () => {
    expect(createUserSchema.safeParse({ ...validUser, emial: 'x' }).success).toBe(false);
  });

  it('has a topic in the catalog for every webhook family, each with a dead-letter topic', () => {
    const names = new Set(allTopicNames().map((t) => t.name));
    for (const spec of WEBHOOK_CATALOG) {
      expect(names).toContain(webhookTopic(spec.family));
      expect(names).toContain(`${webhookTopic(spec.family)}.dlq`);
    }
    expect(WEBHOOK_CATALOG).toHaveLength(19);
    expect(new Set(WEBHOOK_CATALOG.map((s) => s.path)).size).toBe(19);
  });
});
