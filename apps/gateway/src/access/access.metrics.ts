import { counter } from '@platform/metrics';

/** Every access decision, by client and operation. Never labelled with a key. */
export const accessMetrics = {
  decisions: counter('gateway_access_decisions_total', 'Access decisions at the gateway: allowed, unauthenticated, permission_denied, rate_limited', [
    'client',
    'operation',
    'decision',
  ]),
  keyUse: counter('gateway_api_key_requests_total', 'Authenticated calls per client key id (watch an old key fall silent during rotation)', ['client', 'key_id']),
};
