import { createHash } from 'node:crypto';
import { createUser, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';
import { userState } from './support/sandbox-admin';

const KYC_FILE_WEBHOOK = '/webhook/kyc-files/status';
const FIVE_MIB = 5 * 1024 * 1024;

function form(files: Array<{ name: string; type: string; bytes: Uint8Array; field?: string }>): RequestInit {
  const body = new FormData();
  for (const file of files) body.append(file.field ?? 'files', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return { method: 'POST', body };
}

const jpeg = (size = 1024) => new Uint8Array(size).fill(0xff);

describe('Method A: Add KYC File', () => {
  const { sandbox, receiver } = useTestSandbox({ webhooks: true });

  it('accepts up to three documents with 201, keeps only their metadata and reports ADDED by webhook', async () => {
    const { externalUserId } = await createUser(sandbox);
    const front = jpeg(2048);
    const response = await sandbox.p100(
      `/v1/user/kyc-files/${externalUserId}`,
      form([
        { name: 'front.jpg', type: 'image/jpeg', bytes: front },
        { name: 'back.png', type: 'image/png', bytes: jpeg(10), field: 'back' },
        { name: 'selfie.pdf', type: 'application/pdf', bytes: jpeg(20), field: 'selfie' },
      ]),
    );

    expect(response.status).toBe(201);
    const [webhook] = await receiver.waitFor(KYC_FILE_WEBHOOK, externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, status: 'ADDED' });
    expect(webhook!.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);

    const state = await userState(sandbox, externalUserId);
    expect(state.kycFiles).toHaveLength(3);
    expect(state.kycFiles[0]).toMatchObject({
      fieldName: 'files',
      fileName: 'front.jpg',
      mimeType: 'image/jpeg',
      sizeBytes: 2048,
      sha256: createHash('sha256').update(front).digest('hex'),
    });
  });

  it('reports ERROR by webhook when a file is empty', async () => {
    const { externalUserId } = await createUser(sandbox);
    const response = await sandbox.p100(`/v1/user/kyc-files/${externalUserId}`, form([{ name: 'blank.png', type: 'image/png', bytes: new Uint8Array(0) }]));
    expect(response.status).toBe(201);
    const [webhook] = await receiver.waitFor(KYC_FILE_WEBHOOK, externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, status: 'ERROR' });
  });

  it('answers P426 for a file type other than JPEG, PNG or PDF and sends no webhook', async () => {
    const { externalUserId } = await createUser(sandbox);
    const response = await sandbox.p100(`/v1/user/kyc-files/${externalUserId}`, form([{ name: 'notes.txt', type: 'text/plain', bytes: jpeg(5) }]));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: 'P426', errorName: 'invalid-file-type', errorMessage: expect.stringContaining('text/plain') });
    const state = await userState(sandbox, externalUserId);
    expect(state.kycFiles).toEqual([]);
    const deliveries = await (await sandbox.admin(`/admin/webhooks/deliveries?externalUserId=${externalUserId}`)).json();
    expect(deliveries.deliveries).toEqual([]);
  });

  it('accepts a file of exactly 5 MB and answers P440 for one byte more', async () => {
    const { externalUserId } = await createUser(sandbox);
    const atLimit = await sandbox.p100(`/v1/user/kyc-files/${externalUserId}`, form([{ name: 'ok.jpg', type: 'image/jpeg', bytes: jpeg(FIVE_MIB) }]));
    expect(atLimit.status).toBe(201);

    const over = await sandbox.p100(`/v1/user/kyc-files/${externalUserId}`, form([{ name: 'big.jpg', type: 'image/jpeg', bytes: jpeg(FIVE_MIB + 1) }]));
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual({ errorCode: 'P440', errorName: 'file-too-large', errorMessage: expect.stringContaining('big.jpg') });
  });

  it('answers P403 for more than three files', async () => {
    const { externalUserId } = await createUser(sandbox);
    const four = [1, 2, 3, 4].map((i) => ({ name: `${i}.jpg`, type: 'image/jpeg', bytes: jpeg(10) }));
    const response = await sandbox.p100(`/v1/user/kyc-files/${externalUserId}`, form(four));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: 'P403', errorMessage: 'files must contain no more than 3 elements.' });
  });

  it('answers P403 when the request is not multipart', async () => {
    const { externalUserId } = await createUser(sandbox);
    const response = await sandbox.p100(`/v1/user/kyc-files/${externalUserId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'P403' });
  });

  it('answers P412 for an unknown user', async () => {
    const response = await sandbox.p100('/v1/user/kyc-files/unknown-user', form([{ name: 'a.jpg', type: 'image/jpeg', bytes: jpeg(10) }]));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'P412', errorName: 'invalid-user' });
  });

  it('answers 401 Access Denied without the API key', async () => {
    const { externalUserId } = await createUser(sandbox);
    const response = await fetch(`${sandbox.baseUrl}/v1/user/kyc-files/${externalUserId}`, form([{ name: 'a.jpg', type: 'image/jpeg', bytes: jpeg(10) }]));
    expect(response.status).toBe(401);
  });
});
