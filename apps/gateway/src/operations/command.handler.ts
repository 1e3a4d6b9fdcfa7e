import type { z, ZodType } from 'zod';
import { DomainError } from '@platform/contracts';
import type { SameKeys } from '../grpc/message-types';
import type { CallContext, Handler } from './operation';

/**
 * A command of a domain service's contract whose schema takes payload P as it is: the same
 * fields, and every value acceptable. Otherwise the type check fails at the table entry, rather
 * than the domain service refusing every such call at run time.
 */
type CommandTaking<C extends Command, P> = C & (Fits<P, z.input<C['schema']>> extends true ? unknown : never);
type Command = { type: string; schema: ZodType };
/** `never` is assignable to anything, hence `true extends`: SameKeys gives never on a mismatch. */
type Fits<P, Accepted> = [P] extends [Accepted] ? (true extends SameKeys<P, Accepted> ? true : false) : false;

/** How a handler turns the validated input into the command's payload. */
type PayloadOf<I> = (input: I, context: CallContext) => unknown;

/**
 * The handler of an operation that is one command to a domain service over Kafka: the reply's
 * data is the answer, its error code the error. `keyOf` names the aggregate whose commands stay
 * in order (one partition per key).
 */
export function sendCommand<I, O, C extends Command>(
  topic: string,
  command: CommandTaking<C, NoInfer<I>>,
  keyOf: (input: NoInfer<I>) => string,
): Handler<I, O> {
  return commandHandler(topic, command, keyOf, (input) => input);
}

/**
 * The handler of a money movement: the command carries the input plus `requestId`, the
 * caller's Idempotency-Key scoped by caller (`<caller>:<key>`; keys are per client, so two
 * clients' "1" are two movements). The domain service keys the movement on it, so a retry after
 * a lost reply, or a Kafka redelivery, finds the movement instead of paying twice.
 */
export function sendMovementCommand<I, O, C extends Command>(
  topic: string,
  command: CommandTaking<C, NoInfer<I> & { requestId: string }>,
  keyOf: (input: NoInfer<I>) => string,
): Handler<I, O> {
  return commandHandler(topic, command, keyOf, (input, context) => ({ ...input, requestId: requestIdOf(context) }));
}

function commandHandler<I, O>(topic: string, command: { type: string }, keyOf: (input: I) => string, payloadOf: PayloadOf<I>): Handler<I, O> {
  // async: a refusal while building the payload is a rejected promise, as every handler's failure is.
  return async (input, context, { bus }) => bus.request<O>(topic, command.type, payloadOf(input, context), { key: keyOf(input), timeoutMs: context.timeoutMs });
}

/**
 * The invoker refuses a keyless call of an `idempotency: 'required'` operation before it gets
 * here; this refuses the same way should a movement ever be declared with another policy, rather
 * than send a command without the key that makes it safe to retry.
 */
export function requestIdOf(context: CallContext): string {
  if (context.idempotencyKey === undefined) {
    throw new DomainError('IDEMPOTENCY_KEY_REQUIRED', 'this operation moves money or creates something once: send an Idempotency-Key (REST header, gRPC metadata idempotency-key)', {
      field: 'Idempotency-Key',
    });
  }
  return `${context.caller}:${context.idempotencyKey}`;
}
