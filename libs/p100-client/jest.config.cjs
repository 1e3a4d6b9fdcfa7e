module.exports = { ...require('../../jest.preset.cjs'), displayName: 'p100-client', rootDir: __dirname };
