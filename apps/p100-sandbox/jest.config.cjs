module.exports = { ...require('../../jest.preset.cjs'), displayName: 'p100-sandbox', rootDir: __dirname };
