module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-p100-events', rootDir: __dirname };
