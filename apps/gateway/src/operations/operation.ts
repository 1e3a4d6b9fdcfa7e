import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { Scope } from '../access/scopes';
import type { CardsSecureLane } from '../cards/cards-secure-lane';
import type { GatewayCommandBus } from '../messaging/command-bus.provider';

/** What a handler knows of the call, whichever edge it came through. */
export interface CallContext {
  /** The calling product service (its configured name). */
  caller: string;
  /** Milliseconds the handler may still take: the gateway's timeout or the caller's deadline. */
  timeoutMs: number;
  /**
   * The caller's Idempotency-Key, when it sent one. Always there for `idempotency: 'required'`
   * operations (the invoker refuses the call otherwise): money movements hand it on, so that the
   * domain service, not only the gateway's replay store, recognises a retry.
   */
  idempotencyKey?: string;
}

export interface HandlerDeps {
  bus: GatewayCommandBus;
  /** The direct HTTP lane to the cards service, for the commands that hold card secrets. */
  cardsLane: CardsSecureLane;
}

export type Handler<I, O> = (input: I, context: CallContext, deps: HandlerDeps) => Promise<O>;

/**
 * `required`: the call moves money or creates something that must exist once; it is refused
 * without an Idempotency-Key. `optional`: a write that may carry one. `none`: a read.
 */
export type IdempotencyPolicy = 'required' | 'optional' | 'none';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestBinding {
  method: HttpMethod;
  /** Fastify path, `:name` for path parameters. */
  path: string;
  successStatus: number;
  /** How the body arrives; `multipart` operations read it in `readInput`. */
  body?: 'json' | 'multipart' | 'none';
  /** Path parameters described for the OpenAPI document. */
  params?: Record<string, string>;
  /**
   * Query-string parameters, described for the OpenAPI document. Declaring them is what makes
   * the edge read the query string into the input; operations without them ignore it.
   */
  query?: Record<string, string>;
  /** The input from the request (default: the JSON body, the query parameters and the path parameters over them). */
  readInput?: (request: FastifyRequest, params: Record<string, string>) => Promise<unknown>;
}

export interface GrpcBinding {
  /** Service in package p100platform.v1 (one per domain), and its rpc. */
  service: string;
  method: string;
  /** Decoded request message → the operation's input before validation (default: as it is). */
  toInput?: (message: Record<string, unknown>) => unknown;
}

/**
 * One operation of the gateway: the one entry both edges read. Adding an operation is one
 * entry in operation-table.ts plus its handler; the REST route, the gRPC method, the scope
 * check, idempotency and the OpenAPI document follow from it.
 */
export interface Operation<I = unknown, O = unknown> {
  /** Stable name, `<domain>.<verb>`: metrics label, log field, message of a 403. */
  name: string;
  tag: string;
  summary: string;
  scope: Scope;
  idempotency: IdempotencyPolicy;
  input: ZodType<I>;
  output: ZodType<O>;
  rest: RestBinding;
  grpc: GrpcBinding;
  handler: Handler<I, O>;
  /** What "the same request" means for Idempotency-Key (default: the validated input). */
  fingerprint?: (input: I) => unknown;
  /**
   * Nothing of this call may be kept: the answer goes out with `Cache-Control: no-store`, and
   * the operation takes no Idempotency-Key (the replay store would keep it). Card reveal and
   * PIN changes.
   */
  noStore?: true;
}

/** Keeps each entry's input and output types tied to its handler. */
export const defineOperation = <I, O>(operation: Operation<I, O>): Operation<I, O> => operation;

/** An entry of the table, whatever its types (the edges handle every entry alike). */
export type AnyOperation = Operation<any, any>;
