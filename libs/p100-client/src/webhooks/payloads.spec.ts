import { kycFileAddedWebhookSchema, userStatusWebhookSchema } from './payloads';

describe('webhook payloads', () => {
  it('parses the user status webhook and keeps fields P100 adds later', () => {
    const parsed = userStatusWebhookSchema.parse({ externalUserId: 'bca65c48', status: 'ACTIVE', balanceId: 'b-1' });
    expect(parsed).toEqual({ externalUserId: 'bca65c48', status: 'ACTIVE', balanceId: 'b-1' });
  });

  it('rejects a user status webhook without externalUserId', () => {
    expect(userStatusWebhookSchema.safeParse({ status: 'ACTIVE' }).success).toBe(false);
  });

  it('accepts ADDED and ERROR for a KYC file and nothing else', () => {
    expect(kycFileAddedWebhookSchema.parse({ externalUserId: 'u', status: 'ERROR' }).status).toBe('ERROR');
    expect(kycFileAddedWebhookSchema.safeParse({ externalUserId: 'u', status: 'ADDED', extra: 1 }).success).toBe(true);
    expect(kycFileAddedWebhookSchema.safeParse({ externalUserId: 'u', status: 'DONE' }).success).toBe(false);
  });
});
