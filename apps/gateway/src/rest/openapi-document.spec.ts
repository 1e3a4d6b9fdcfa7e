import type { OpenAPIObject } from '@nestjs/swagger';
import { OPERATIONS } from '../operations/operation-table';
import { openApiPath, withOperations } from './openapi-document';

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
type Described = { operationId: string; parameters: Parameter[]; requestBody?: { content: Record<string, { schema: { properties: object; required?: string[] } }> } };

const document = withOperations({ openapi: '3.0.0', info: { title: 'gateway', version: '1' }, paths: {} } as OpenAPIObject, OPERATIONS);
const described = (method: string, path: string) => (document.paths[path] as Record<string, Described> | undefined)?.[method];
const parameter = (op: Described | undefined, where: string, name: string) => op?.parameters.find((p) => p.in === where && p.name === name);

describe('the OpenAPI document', () => {
  it('lists every operation of the table at its route, payments included', () => {
    for (const op of OPERATIONS) expect([op.name, described(op.rest.method.toLowerCase(), openApiPath(op.rest.path))?.operationId]).toEqual([op.name, op.name]);
    expect(document.tags?.map((t) => t.name)).toEqual(expect.arrayContaining(['users', 'payments']));
  });

  it('gives the network fee its query parameters, required as the input schema has them', () => {
    const fee = described('get', '/v1/crypto/network-fee');
    expect(parameter(fee, 'query', 'currency')).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(parameter(fee, 'query', 'network')).toMatchObject({ required: false, schema: { type: 'string', maxLength: 20 } });
    expect(fee?.requestBody).toBeUndefined();
  });

  it('gives a PUT with two path parameters both, and a body without them', () => {
    const travelRule = described('put', '/v1/users/{externalUserId}/crypto-deposits/{movementId}/travel-rule');
    expect(travelRule?.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['externalUserId', 'movementId']);
    expect(parameter(travelRule, 'path', 'movementId')).toMatchObject({ required: true, schema: { format: 'uuid' } });
    const body = travelRule?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual(['senderName', 'senderType', 'walletType']);
    expect(body?.required?.sort()).toEqual(['senderName', 'senderType', 'walletType']);
  });

  it('requires the Idempotency-Key header of a money movement, offers it to other writes, not to reads', () => {
    const key = (method: string, path: string) => parameter(described(method, path), 'header', 'Idempotency-Key')?.required;
    expect(key('post', '/v1/users/{externalUserId}/exchanges')).toBe(true);
    expect(key('post', '/v1/users/{externalUserId}/exchange/locks')).toBe(false);
    expect(key('get', '/v1/users/{externalUserId}/ledger')).toBeUndefined();
  });
});
