export { OneTimeCodeSealer, parseKeys } from './one-time-code-sealer';
export { sealJsonFields, normalise } from './sealed-json';
