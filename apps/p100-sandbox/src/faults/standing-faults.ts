import type { WebhookDropRow } from '../webhooks/webhook-drops.repository';
import type { FaultRow } from './faults.repository';

/**
 * The start-up warning about faults and webhook drops still in force. Both live in Postgres, so
 * they outlive the run (and the test) that set them: a developer's fresh `npm start` once
 * answered 503 for minutes because of an old outage fault. They are not cleared at start, since
 * restart tests set them on purpose; this line says what is in force and how to clear it.
 * Undefined when nothing is in force (spent `count`s included).
 */
export function standingFaultsWarning(faults: readonly FaultRow[], drops: readonly WebhookDropRow[]): string | undefined {
  const inForce = [
    ...faults.filter((f) => f.remaining === null || f.remaining > 0).map(describeFault),
    ...drops.filter((d) => d.remaining > 0).map(describeDrop),
  ];
  if (inForce.length === 0) return undefined;
  return (
    `faults and webhook drops set before this start are still in force (they live in Postgres and survive restarts): ${inForce.join('; ')}. ` +
    `Clear them with DELETE /admin/faults and DELETE /admin/webhooks/drops (POST /admin/reset clears all sandbox state).`
  );
}

function describeFault(fault: FaultRow): string {
  const { failure, latencyMs, answerLatencyMs, errorRate } = fault.config;
  const effects = [
    failure && describeFailure(failure),
    latencyMs > 0 && `latencyMs ${latencyMs}`,
    answerLatencyMs > 0 && `answerLatencyMs ${answerLatencyMs}`,
    failure && errorRate < 1 && `errorRate ${errorRate}`,
  ].filter(Boolean);
  const left = fault.remaining === null ? 'until cleared' : `${fault.remaining} request(s) left`;
  return `fault ${fault.endpoint_group}: ${effects.join(', ')}, ${left}`;
}

function describeFailure(failure: NonNullable<FaultRow['config']['failure']>): string {
  switch (failure.kind) {
    case 'error':
      return `error ${failure.errorCode}${failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : ''}`;
    case 'rate-limit':
      return 'rate-limit (429)';
    case 'timeout':
      return 'timeout';
    case 'outage':
      return `outage ${failure.mode}`;
  }
}

function describeDrop(drop: WebhookDropRow): string {
  const scope = drop.external_user_id === null ? '' : ` for user ${drop.external_user_id}`;
  return `webhook drop ${drop.event}${scope}: ${drop.remaining} webhook(s) left`;
}
