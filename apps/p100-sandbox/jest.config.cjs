const preset = require('../../jest.preset.cjs');
const { swcOptions } = require('../../tools/build/swc-options.cjs');

// Nest loads some optional plugins lazily with import(): SwaggerModule (@fastify/static) and the
// Fastify adapter (@fastify/multipart). Jest's CommonJS runtime cannot run import(), so for the
// sandbox's tests it is compiled to require(), which loads the same CommonJS packages. Node runs
// the built app's import() natively. @fastify/static needs content-disposition, which is ESM-only
// too, so it is transformed like @nestjs.
const options = swcOptions();
const esmOnly = ['@nestjs', 'cookie', 'content-disposition'].join('|');
module.exports = {
  ...preset,
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...options, module: { ...options.module, ignoreDynamic: false }, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  displayName: 'p100-sandbox',
  rootDir: __dirname,
};
