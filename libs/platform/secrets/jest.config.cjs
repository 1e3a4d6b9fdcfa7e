module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-secrets', rootDir: __dirname };
