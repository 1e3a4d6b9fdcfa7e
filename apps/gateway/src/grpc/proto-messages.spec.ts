import path from 'node:path';
import { loadSync, type Type } from 'protobufjs';
import { z, type ZodType } from 'zod';
import { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';
import { OPERATIONS } from '../operations/operation-table';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[] };

const root = loadSync(PLATFORM_PROTO_FILES.map((file) => path.join(PROTO_ROOT, file)));
root.resolveAll();
const methodOf = (op: (typeof OPERATIONS)[number]) => root.lookupService(`${PLATFORM_GRPC_PACKAGE}.${op.grpc.service}`).methods[op.grpc.method]!;
const jsonSchema = (schema: ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/** A schema that also allows null: `type: [T, "null"]`, or `anyOf: [T, {type: "null"}]` for a described or refined T. */
const types = (schema: JsonSchema) => [schema.type ?? []].flat();
const nullable = (schema: JsonSchema) => types(schema).includes('null') || (schema.anyOf?.some((s) => types(s).includes('null')) ?? false);
const nonNull = (schema: JsonSchema) => schema.anyOf?.find((s) => !types(s).includes('null')) ?? schema;
const isProtoOptional = (message: Type, field: string) => message.fields[field]!.options?.proto3_optional === true;

/**
 * How a message differs from a schema, as lines naming the field. A proto3 `optional` field is
 * one the schema lets be absent: not required, or (`absentIs: 'null'`, answers) null as well.
 */
function differences(message: Type, schema: JsonSchema, absentIs: 'not required' | 'null', deep = true, at = message.name): string[] {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const problems: string[] = [];
  for (const name of Object.keys(message.fields)) if (!(name in properties)) problems.push(`${at}.${name}: in the message, not in the schema`);
  for (const [name, property] of Object.entries(properties)) {
    const field = message.fields[name];
    if (!field) {
      problems.push(`${at}.${name}: in the schema, not in the message`);
      continue;
    }
    const mayBeAbsent = !required.has(name) || (absentIs === 'null' && nullable(property));
    if (!field.repeated && isProtoOptional(message, name) !== mayBeAbsent) {
      problems.push(`${at}.${name}: proto optional is ${isProtoOptional(message, name)}, may be absent by the schema is ${mayBeAbsent}`);
    }
    const value = nonNull(property);
    if (field.repeated !== types(value).includes('array')) problems.push(`${at}.${name}: repeated is ${field.repeated}, the schema's type is ${types(value).join('|')}`);
    const nested = field.resolvedType;
    if (deep && nested && 'fields' in nested) problems.push(...differences(nested as Type, (field.repeated ? value.items : value) ?? {}, absentIs, deep, `${at}.${name}`));
  }
  return problems;
}

/**
 * The type check (SameKeys/WithoutNulls in the *.operations files) holds the names; this holds
 * what ts-proto's all-optional types cannot show: that a nullable answer field is proto3
 * `optional` (absent, not "" or 0, means null) and that an optional input is `optional` in its
 * request, for every operation of the table.
 */
describe('the .proto messages and the operations\' schemas agree', () => {
  it.each(OPERATIONS.map((op) => [`${op.grpc.service}/${op.grpc.method}`, op] as const))('%s answers the output schema\'s fields, nullable ones optional', (_name, op) => {
    expect(differences(methodOf(op).resolvedResponseType!, jsonSchema(op.output, 'output'), 'null')).toEqual([]);
  });

  // A request with a `toInput` is converted before validation (KYC file bytes become base64):
  // its nested messages are not the schema's, so only its own fields are compared.
  it.each(OPERATIONS.map((op) => [`${op.grpc.service}/${op.grpc.method}`, op] as const))('%s takes the input schema\'s fields, optional ones optional', (_name, op) => {
    expect(differences(methodOf(op).resolvedRequestType!, jsonSchema(op.input, 'input'), 'not required', !op.grpc.toInput)).toEqual([]);
  });
});
