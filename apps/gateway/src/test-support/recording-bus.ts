import type { CardsSecureLane } from '../cards/cards-secure-lane';
import type { GatewayCommandBus } from '../messaging/command-bus.provider';
import type { HandlerDeps } from '../operations/operation';

export interface SentCommand {
  /** The Kafka topic, or SECURE_LANE for the cards secure lane. */
  topic: string;
  type: string;
  payload: unknown;
  key: string;
  timeoutMs?: number;
}

/** What `SentCommand.topic` says of a command sent on the cards secure lane rather than Kafka. */
export const SECURE_LANE = '(cards secure lane)';

/**
 * A command bus and cards secure lane that record what they are asked to send and answer
 * `reply` (default: `{}`), for tests of what leaves the gateway without a broker or a domain
 * service behind it. `deps` is what an operation's handler takes.
 */
export function recordingBus(reply: (command: SentCommand) => unknown = () => ({})): { bus: GatewayCommandBus; deps: HandlerDeps; sent: SentCommand[] } {
  const sent: SentCommand[] = [];
  const record = (command: SentCommand) => {
    sent.push(command);
    return reply(command);
  };
  const bus = {
    request: async (topic: string, type: string, payload: unknown, options: { key: string; timeoutMs?: number }) =>
      record({ topic, type, payload, key: options.key, timeoutMs: options.timeoutMs }),
  } as unknown as GatewayCommandBus;
  const cardsLane = {
    request: async (type: string, payload: unknown, call: { timeoutMs: number }) => record({ topic: SECURE_LANE, type, payload, key: '', timeoutMs: call.timeoutMs }),
  } as unknown as CardsSecureLane;
  return { bus, deps: { bus, cardsLane }, sent };
}
