// Shared Jest preset: @swc/jest with the build's swc options.
// NestJS 12 ships ESM only; Jest's CommonJS runtime cannot load it untransformed, so those
// packages are not ignored by the transform (the result is cached after the first run).
const { swcOptions, paths, root } = require('./tools/build/swc-options.cjs');

const esmOnly = ['@nestjs', 'cookie'].join('|');

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `${root}/${target}`]),
);

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcOptions(), swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  testTimeout: 30_000,
  globalSetup: `${root}/tools/platform/jest-global-setup.mjs`,
  globalTeardown: `${root}/tools/platform/jest-global-teardown.mjs`,
};
