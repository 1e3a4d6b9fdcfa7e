export { ConfigError, loadConfig } from './load-config';
export { serviceEnv, port, envBool, type ServiceEnv } from './env-schemas';
