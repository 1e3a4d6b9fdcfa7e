// The development secrets of `npm start` (tools/platform/services.cjs, plain Node tooling), so that
// a check can prove none of them was copied into a deployment file.
const services = require('../../../tools/platform/services.cjs');

export const DEV_SECRETS = services.DEV_SECRETS as Record<string, string>;
