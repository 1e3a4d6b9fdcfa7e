import { counter, histogram } from '@platform/metrics';

export const operationMetrics = {
  calls: counter('gateway_operations_total', 'Operations answered, by edge (rest, grpc), operation, client and outcome (ok or the error code)', [
    'edge',
    'operation',
    'client',
    'outcome',
  ]),
  duration: histogram('gateway_operation_duration_seconds', 'Time to answer an admitted operation', ['edge', 'operation']),
};
