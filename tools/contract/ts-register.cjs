// Lets plain Node scripts in tools/ and bench/ require the TypeScript sources of our libs: each
// .ts file is compiled on load with the same swc options as the build and Jest (path aliases
// included), so a script runs exactly the code the services ship, without a build step.
const fs = require('node:fs');
const swc = require('@swc/core');
const { swcOptions } = require('../build/swc-options.cjs');

const options = swcOptions();

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });
  module._compile(code, filename);
};
