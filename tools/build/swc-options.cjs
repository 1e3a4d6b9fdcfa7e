// One swc configuration for the build and for Jest, so tests run exactly the code we ship.
// TypeScript is compiled to CommonJS; the ESM-only NestJS 12 packages load through Node 24's
// require(esm) at run time and are transformed by @swc/jest under Jest (see jest.preset.cjs).
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..', '..');
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  };
}

module.exports = { swcOptions, root, paths: tsconfig.compilerOptions.paths };
