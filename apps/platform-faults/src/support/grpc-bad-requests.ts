import { loadSync } from '@grpc/proto-loader';
import fc from 'fast-check';
import { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';

/** One method of the gateway's gRPC edge, read from the .proto files (a new method is fuzzed with no edit). */
export interface GrpcMethod {
  service: string;
  method: string;
  request: MessageShape;
}

interface FieldShape {
  name: string;
  kind: 'string' | 'bool' | 'int' | 'float' | 'enum' | 'message' | 'bytes';
  repeated: boolean;
  message?: MessageShape;
  enumValues?: string[];
}
interface MessageShape {
  fields: FieldShape[];
}

// descriptor.proto field types, as proto-loader reports them.
const KINDS: Record<string, FieldShape['kind']> = {
  TYPE_STRING: 'string', TYPE_BOOL: 'bool', TYPE_BYTES: 'bytes', TYPE_ENUM: 'enum', TYPE_MESSAGE: 'message',
  TYPE_DOUBLE: 'float', TYPE_FLOAT: 'float',
  TYPE_INT32: 'int', TYPE_INT64: 'int', TYPE_UINT32: 'int', TYPE_UINT64: 'int', TYPE_SINT32: 'int', TYPE_SINT64: 'int',
  TYPE_FIXED32: 'int', TYPE_FIXED64: 'int', TYPE_SFIXED32: 'int', TYPE_SFIXED64: 'int',
};

/** Every method of every service in the platform's package, with the shape of its request. */
export function grpcMethods(): GrpcMethod[] {
  const definition = loadSync(PLATFORM_PROTO_FILES, { includeDirs: [PROTO_ROOT], keepCase: false, longs: String, enums: String, defaults: false, oneofs: false }) as Record<string, any>;
  const types = new Map<string, any>();
  const enums = new Map<string, string[]>();
  for (const [name, entry] of Object.entries(definition)) {
    if (entry.format === 'Protocol Buffer 3 DescriptorProto') types.set(name, entry.type);
    if (entry.format === 'Protocol Buffer 3 EnumDescriptorProto') enums.set(name, entry.type.value.map((v: { name: string }) => v.name));
  }
  const shape = (type: any, depth: number): MessageShape => ({
    fields: type.field.map((f: any): FieldShape => {
      const typeName = String(f.typeName ?? '').replace(/^\./, '');
      const kind = KINDS[f.type] ?? 'string';
      return {
        name: camel(f.name),
        kind,
        repeated: f.label === 'LABEL_REPEATED',
        message: kind === 'message' && depth < 2 && types.has(typeName) ? shape(types.get(typeName), depth + 1) : undefined,
        enumValues: kind === 'enum' ? enums.get(typeName) : undefined,
      };
    }),
  });
  const methods: GrpcMethod[] = [];
  for (const [name, entry] of Object.entries(definition)) {
    if (!name.startsWith(`${PLATFORM_GRPC_PACKAGE}.`) || entry.format) continue;
    for (const [method, rpc] of Object.entries<any>(entry)) {
      if (rpc?.requestType?.type) methods.push({ service: name.slice(PLATFORM_GRPC_PACKAGE.length + 1), method, request: shape(rpc.requestType.type, 0) });
    }
  }
  return methods;
}

/** A method takes an input that can be wrong when its request has a string field at the top. */
export const hasStringInput = (m: GrpcMethod): boolean => m.request.fields.some((f) => f.kind === 'string');

// No string of the API accepts a NUL or 5,000 characters: one top-level string of each request
// gets one of these, so every request is a bad one and any success is a defect.
const badString = fc.oneof(
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `${a}\u0000${b}`),
  fc.tuple(fc.constantFrom('x', 'é', '1', ' '), fc.integer({ min: 5_000, max: 20_000 })).map(([c, n]) => c.repeat(n)),
);
const anyString = fc.oneof(badString, fc.string({ maxLength: 40 }), fc.constantFrom('1e999', '-0.001', 'NaN', '0x10', '1.123456789012345678901'));

function valueOf(field: FieldShape): fc.Arbitrary<unknown> {
  const one = ((): fc.Arbitrary<unknown> => {
    switch (field.kind) {
      case 'string': return anyString;
      case 'bool': return fc.boolean();
      case 'int': return fc.oneof(fc.integer(), fc.constantFrom('-1', '9223372036854775807', '0'));
      case 'float': return fc.oneof(fc.double(), fc.constant(-1));
      case 'bytes': return fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a));
      case 'enum': return fc.constantFrom(...(field.enumValues?.length ? field.enumValues : ['UNSPECIFIED']));
      case 'message': return field.message ? messageOf(field.message) : fc.constant({});
    }
  })();
  return field.repeated ? fc.array(one, { maxLength: 3 }) : one;
}

function messageOf(shape: MessageShape): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(shape.fields.map((f) => [f.name, valueOf(f)] as const)), { requiredKeys: [] });
}

/**
 * A generated bad request for `method`: random fields, and one top-level string (chosen at
 * random, so validation past the first field is reached too) that is invalid everywhere in the API.
 */
export function badRequest(method: GrpcMethod): fc.Arbitrary<Record<string, unknown>> {
  const strings = method.request.fields.filter((f) => f.kind === 'string').map((f) => f.name);
  return fc
    .tuple(messageOf(method.request), fc.constantFrom(...strings), badString)
    .map(([request, poisoned, bad]) => ({ ...request, [poisoned]: bad }));
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
