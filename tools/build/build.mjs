// Compiles every app and lib (TypeScript) to CommonJS under dist/, with the same swc options
// Jest uses. Type checking is a separate step (`npm run typecheck`): swc only strips types,
// which keeps a full build of the monorepo around a second.
import { createRequire } from 'node:module';
import { cp, readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const { swcOptions, root } = require('./swc-options.cjs');

const outRoot = path.join(root, 'dist');
const sourceDirs = ['apps', 'libs'];

async function* tsFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'test' || entry.name === '__tests__') continue;
      yield* tsFiles(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

const started = Date.now();
let count = 0;
const jobs = [];
for (const dir of sourceDirs) {
  for await (const file of tsFiles(path.join(root, dir))) {
    jobs.push(
      (async () => {
        const { code } = await swc.transformFile(file, { ...swcOptions(), filename: file, swcrc: false });
        const out = path.join(outRoot, path.relative(root, file)).replace(/\.ts$/, '.js');
        await mkdir(path.dirname(out), { recursive: true });
        await writeFile(out, code);
        count += 1;
      })(),
    );
  }
}
await Promise.all(jobs);
// The gRPC contract is read at run time (@grpc/proto-loader): its .proto files go beside the code.
await cp(path.join(root, 'libs/contracts/proto'), path.join(outRoot, 'libs/contracts/proto'), { recursive: true, filter: (f) => !f.endsWith('.yaml') });
console.log(`[build] compiled ${count} files to dist/ in ${Date.now() - started} ms`);
