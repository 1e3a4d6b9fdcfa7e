// Shared Jest preset: @swc/jest with the build's swc options.
// NestJS 12 ships ESM only; Jest's CommonJS runtime cannot load it untransformed, so those
// packages are not ignored by the transform (the result is cached after the first run).
// @fastify/static (Swagger UI) needs content-disposition, which is ESM-only too.
//
// Nest loads optional packages lazily with import(): its Kafka transport
// (`loadPackage('kafkajs', ..., () => import('kafkajs'))`), SwaggerModule (@fastify/static) and
// the Fastify adapter's multipart support. Jest's CommonJS runtime cannot run a real import()
// without --experimental-vm-modules, so under Jest dynamic import is compiled to require(), which
// loads the same CommonJS packages. The built apps keep import(), which Node runs natively.
const { swcOptions, paths, root } = require('./tools/build/swc-options.cjs');

const esmOnly = ['@nestjs', 'cookie', 'content-disposition'].join('|');
const base = swcOptions();

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `${root}/${target}`]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...base, module: { ...base.module, ignoreDynamic: false }, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  testTimeout: 30_000,
  globalSetup: `${root}/tools/platform/jest-global-setup.mjs`,
  globalTeardown: `${root}/tools/platform/jest-global-teardown.mjs`,
};
