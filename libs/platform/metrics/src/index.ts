export { metricsRegistry, collectProcessMetrics, counter, gauge, histogram } from './registry';
export { httpMetrics, kafkaMetrics } from './standard-metrics';
export { MetricsModule } from './metrics.module';
export { registerHttpMetrics } from './http-metrics.hook';
