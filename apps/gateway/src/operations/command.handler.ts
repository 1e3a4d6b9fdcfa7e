import type { Handler } from './operation';

/**
 * The handler of an operation that is one command to a domain service over Kafka: the reply's
 * data is the answer, its error code the error. `keyOf` names the aggregate whose commands stay
 * in order (one partition per key).
 */
export function sendCommand<I, O>(topic: string, command: { type: string }, keyOf: (input: I) => string): Handler<I, O> {
  return (input, context, { bus }) => bus.request<O>(topic, command.type, input, { key: keyOf(input), timeoutMs: context.timeoutMs });
}
