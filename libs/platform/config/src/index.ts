export { ConfigError, loadConfig } from './load-config';
export { serviceEnv, intentReconcileEnv, port, envBool, type ServiceEnv } from './env-schemas';
