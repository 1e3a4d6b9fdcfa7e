export { HealthModule } from './health.module';
export { ReadinessRegistry, type ReadinessCheck } from './readiness.registry';
export { CHECK_TIMEOUT_MS, evaluateReadiness, runCheck, type CheckResult, type ReadinessReport } from './evaluate-readiness';
