module.exports = { ...require('../../jest.preset.cjs'), displayName: 'p100-contract', rootDir: __dirname };
