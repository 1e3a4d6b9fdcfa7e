import { Registry } from 'prom-client';
import { P100Client } from '../client';
import { P100LocalValidationError } from '../errors';
import { UPLOAD_LIMITS, type UploadFile } from '../multipart';
import { json, StubP100 } from '../test-support/stub-p100';

const jpeg = (name: string, bytes = 10): UploadFile => ({ filename: name, contentType: 'image/jpeg', data: Buffer.alloc(bytes, 1) });

describe('KYC file uploads', () => {
  let stub: StubP100;
  let client: P100Client;

  beforeEach(async () => {
    stub = await StubP100.start((_req, res) => json(res, 201, {}));
    client = new P100Client({ baseUrl: stub.baseUrl, apiKey: 'k-123456' }, { registry: new Registry() });
  });

  afterEach(async () => {
    client.close();
    await stub.close();
  });

  it('sends the files as multipart/form-data under the files field', async () => {
    await client.kyc.addKycFiles('ext-1', [jpeg('front.jpg'), { filename: 'selfie.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF') }]);

    const [req] = stub.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/user/kyc-files/ext-1');
    expect(req.headers['x-api-key']).toBe('k-123456');
    const form = await new Response(req.body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    const files = form.getAll('files') as File[];
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['front.jpg', 'image/jpeg'],
      ['selfie.pdf', 'application/pdf'],
    ]);
    expect(await files[1].text()).toBe('%PDF');
  });

  it('uses a caller-chosen form field name', async () => {
    await client.kyc.addKycFiles('ext-1', [{ ...jpeg('front.jpg'), field: 'front' }]);
    expect(stub.requests[0].body).toContain('name="front"; filename="front.jpg"');
  });

  it.each([
    ['more than three files', [jpeg('1.jpg'), jpeg('2.jpg'), jpeg('3.jpg'), jpeg('4.jpg')], /at most 3 files/],
    ['a file over 5 MB', [jpeg('big.jpg', UPLOAD_LIMITS.maxBytes + 1)], /over the 5242880-byte limit/],
    ['a type P100 does not accept', [{ filename: 'notes.txt', contentType: 'text/plain', data: Buffer.from('x') }], /text\/plain is not one of/],
    ['no files at all', [], /at least one file/],
  ])('rejects %s locally without calling P100', async (_case, files, message) => {
    const error = await client.kyc.addKycFiles('ext-1', files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100LocalValidationError);
    expect((error as Error).message).toMatch(message);
    expect(stub.requests).toHaveLength(0);
  });

  it('accepts a file of exactly 5 MB', async () => {
    await client.kyc.addPoaFiles('ext-1', [jpeg('bill.jpg', UPLOAD_LIMITS.maxBytes)]);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0].path).toBe('/v1/user/poa-files/ext-1');
  });
});
