// The deployment's own checks: compose, Kubernetes manifests, alert rules and dashboards.
module.exports = { ...require('../jest.preset.cjs'), displayName: 'deploy', rootDir: __dirname, testMatch: ['<rootDir>/test/**/*.spec.ts'] };
