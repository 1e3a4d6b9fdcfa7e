// Lints the gRPC contract (libs/contracts/proto, buf) and regenerates its TypeScript types
// (ts-proto, types only) into libs/contracts/src/grpc/generated.
//   node tools/proto/generate.mjs          lint + regenerate (npm run proto)
//   node tools/proto/generate.mjs --check  lint + fail when the checked-in types are stale
// buf comes from the npm package @bufbuild/buf (a prebuilt binary): nothing to install.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const protoDir = path.join(root, 'libs/contracts/proto');
const generatedDir = path.join(root, 'libs/contracts/src/grpc/generated');
const buf = path.join(root, 'node_modules/.bin/buf');

function run(args) {
  const result = spawnSync(buf, args, { cwd: protoDir, encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run buf (${result.error.message}); run npm ci first`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`buf ${args[0]} failed (above); fix the .proto files in ${path.relative(root, protoDir)}`);
  }
}

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  }).sort();
}

export function checkGenerated() {
  run(['lint']);
  const fresh = mkdtempSync(path.join(tmpdir(), 'proto-gen-'));
  try {
    run(['generate', '-o', fresh]);
    const stale = [];
    const want = files(fresh);
    const have = files(generatedDir);
    for (const f of new Set([...want, ...have])) {
      const a = want.includes(f) ? readFileSync(path.join(fresh, f), 'utf8') : null;
      const b = have.includes(f) ? readFileSync(path.join(generatedDir, f), 'utf8') : null;
      if (a !== b) stale.push(f);
    }
    return stale;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--check')) {
      const stale = checkGenerated();
      if (stale.length) {
        console.error(`[proto] generated types are stale: ${stale.join(', ')}; run npm run proto and commit the result`);
        process.exit(1);
      }
      console.log('[proto] lint clean, generated types up to date');
    } else {
      run(['lint']);
      rmSync(generatedDir, { recursive: true, force: true });
      run(['generate', '-o', generatedDir]);
      console.log(`[proto] lint clean; types written to ${path.relative(root, generatedDir)}`);
    }
  } catch (error) {
    console.error(`[proto] ${error.message}`);
    process.exit(1);
  }
}
