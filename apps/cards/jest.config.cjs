module.exports = { ...require('../../jest.preset.cjs'), displayName: 'cards', rootDir: __dirname };
