// FAULTS_SCALE=short (default, the `test` target in `npm test`) or full (`npm run faults`).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'platform-faults',
  rootDir: __dirname,
  testMatch: ['**/*.faults.spec.ts'],
  testTimeout: 300_000,
  // Each scenario brings up the whole platform on one port range: one scenario at a time.
  maxWorkers: 1,
};
