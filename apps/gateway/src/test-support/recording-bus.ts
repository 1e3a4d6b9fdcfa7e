import type { GatewayCommandBus } from '../messaging/command-bus.provider';

export interface SentCommand {
  topic: string;
  type: string;
  payload: unknown;
  key: string;
  timeoutMs?: number;
}

/**
 * A command bus that records what it is asked to send and answers `reply` (default: `{}`), for
 * tests of what reaches Kafka without a broker or a domain service behind it.
 */
export function recordingBus(reply: (command: SentCommand) => unknown = () => ({})): { bus: GatewayCommandBus; sent: SentCommand[] } {
  const sent: SentCommand[] = [];
  const bus = {
    request: async (topic: string, type: string, payload: unknown, options: { key: string; timeoutMs?: number }) => {
      const command = { topic, type, payload, key: options.key, timeoutMs: options.timeoutMs };
      sent.push(command);
      return reply(command);
    },
  } as unknown as GatewayCommandBus;
  return { bus, sent };
}
