import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { isP100Path } from '../shared/p100-request';
import { endpointGroupOf } from '../faults/endpoint-groups';

export interface LoggedRequest {
  /** When the request arrived (before any fault delayed or hung it), epoch ms. */
  at: number;
  method: string;
  path: string;
  group: string | null;
  /** The caller's x-correlation-id, when it sent one (the platform's client does). */
  correlationId: string | null;
}

/** Requests kept: enough for a test run or a look at the last minutes, never growing without end. */
const CAPACITY = 10_000;

/**
 * Every request to a P100 path as it arrived, newest last, in memory (GET /admin/requests).
 * Tests read it to prove what reached "P100" and when: nothing after a caller's deadline, each
 * user created once. Its hook is registered before fault injection's (FaultInjectionHook
 * depends on this provider, so Nest builds this one first), so hung requests are logged too.
 */
@Injectable()
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (isP100Path(request.url)) {
        const correlation = request.headers['x-correlation-id'];
        this.record({
          at: Date.now(),
          method: request.method,
          path: request.url.split('?')[0]!,
          group: endpointGroupOf(request.method, request.url) ?? null,
          correlationId: typeof correlation === 'string' ? correlation.slice(0, 128) : null,
        });
      }
      done();
    });
  }

  list(filter: { correlationId?: string; since?: number; limit?: number } = {}): LoggedRequest[] {
    const matching = this.entries.filter(
      (e) => (filter.correlationId === undefined || e.correlationId === filter.correlationId) && (filter.since === undefined || e.at >= filter.since),
    );
    return matching.slice(-(filter.limit ?? CAPACITY));
  }

  clear(): void {
    this.entries.length = 0;
  }

  private record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
  }
}
