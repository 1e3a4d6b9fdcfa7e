// Jest's CommonJS runtime cannot run a real `import()` without --experimental-vm-modules, and
// Nest loads its transport clients that way (`loadPackage('kafkajs', ..., () => import('kafkajs'))`):
// booting the service's Kafka server in-process needs those calls compiled to `require`.
const preset = require('../../jest.preset.cjs');
const { swcOptions } = require('../../tools/build/swc-options.cjs');

const base = swcOptions();
const transformOptions = { ...base, module: { ...base.module, ignoreDynamic: false }, swcrc: false };

module.exports = {
  ...preset,
  displayName: 'payments',
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', transformOptions] },
};
