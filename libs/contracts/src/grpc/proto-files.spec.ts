import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSync, Type, type ReflectionObject } from 'protobufjs';
import { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from './proto-files';

const packageDir = path.join(PROTO_ROOT, ...PLATFORM_GRPC_PACKAGE.split('.'));

function messagesOf(object: ReflectionObject): Type[] {
  const nested = 'nestedArray' in object ? (object.nestedArray as ReflectionObject[]) : [];
  return [...(object instanceof Type ? [object] : []), ...nested.flatMap(messagesOf)];
}

describe('the platform\'s .proto files', () => {
  // The gateway serves, reflects and checks (operation-table.spec) only the files listed: a
  // service in an unlisted file would be in the contract but silently not served.
  it('are all listed in PLATFORM_PROTO_FILES', () => {
    const onDisk = readdirSync(packageDir).filter((f) => f.endsWith('.proto')).map((f) => path.relative(PROTO_ROOT, path.join(packageDir, f)).split(path.sep).join('/'));
    expect([...PLATFORM_PROTO_FILES].sort()).toEqual(onDisk.sort());
  });

  // A double cannot hold 0.1: amounts and rates cross the platform as decimal strings.
  it('carry no float or double field', () => {
    const root = loadSync(PLATFORM_PROTO_FILES.map((f) => path.join(PROTO_ROOT, f)));
    const floats = messagesOf(root).flatMap((m) => m.fieldsArray.filter((f) => f.type === 'double' || f.type === 'float').map((f) => `${m.name}.${f.name}`));
    expect(floats).toEqual([]);
  });
});
