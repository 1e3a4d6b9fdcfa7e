module.exports = { ...require('../../jest.preset.cjs'), displayName: 'onboarding-kyc', rootDir: __dirname };
