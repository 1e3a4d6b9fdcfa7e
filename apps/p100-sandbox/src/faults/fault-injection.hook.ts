import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'node:net';
import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { P100Error } from '../errors/p100-error';
import { isP100Path, markErrorCode } from '../shared/p100-request';
import { endpointGroupOf } from './endpoint-groups';
import type { FaultFailure, FaultSettings } from './fault-settings';
import { takeFault } from './faults.repository';
import { RequestLog } from '../request-log/request-log';

/** Requests whose answer a fault holds back, and for how long (ms). */
const ANSWER_DELAY = new WeakMap<FastifyRequest, number>();

/** A "timeout" never hangs longer than this, so a client without a timeout cannot pin a socket forever. */
const MAX_HANG_MS = 10 * 60_000;

/**
 * Fault injection in front of the P100 routes: one Fastify onRequest hook, so a fault hits before
 * authentication and body parsing, like a failing P100 edge would. /admin, /health, /metrics and
 * /docs are never affected (only /v1 paths of the contract are looked at).
 *
 * Registered from the constructor on purpose: Nest creates providers in NestFactory.create,
 * before it registers its routes at listen, and Fastify applies a hook only to routes added
 * after it.
 */
@Injectable()
export class FaultInjectionHook {
  private readonly logger = new Logger('FaultInjection');
  private readonly hanging = new Set<Socket>();

  constructor(
    adapterHost: HttpAdapterHost,
    private readonly dataSource: DataSource,
    // Not used here: depending on it makes Nest register the request log's hook first.
    _requestLog: RequestLog,
  ) {
    const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply) => this.inject(request, reply));
    // answerLatencyMs: the request was processed; its answer is held back.
    fastify.addHook('onSend', async (request) => {
      const delay = ANSWER_DELAY.get(request);
      if (delay) await sleep(delay, undefined, { ref: false });
    });
    // Hung requests would keep server.close() waiting for ever.
    fastify.addHook('preClose', (done) => {
      for (const socket of this.hanging) socket.destroy();
      done();
    });
  }

  private async inject(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!isP100Path(request.url)) return;
    const group = endpointGroupOf(request.method, request.url);
    if (!group) return;
    let fault: FaultSettings | undefined;
    try {
      fault = await takeFault(this.dataSource, group);
    } catch (error) {
      // Without Postgres there are no faults to read; the request goes on and fails (or not) on its own.
      this.logger.warn({ err: error, group }, 'could not read faults');
      return;
    }
    if (!fault) return;
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.answerLatencyMs > 0) ANSWER_DELAY.set(request, fault.answerLatencyMs);
    // Math.random decides only whether a fault fires; errorRate 1 (the default) always fires.
    if (!fault.failure || Math.random() >= fault.errorRate) return;
    this.logger.debug({ group, failure: fault.failure.kind }, 'fault injected');
    await this.fail(fault.failure, request, reply);
  }

  private async fail(failure: FaultFailure, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    switch (failure.kind) {
      case 'error': {
        const error = new P100Error(failure.errorCode);
        markErrorCode(request, error.code);
        await reply.code(failure.httpStatus ?? error.httpStatus).type('application/json; charset=utf-8').send(error.toBody());
        return;
      }
      case 'rate-limit':
        markErrorCode(request, '429');
        await reply
          .code(429)
          .header('retry-after', String(failure.retryAfterSeconds))
          .send({ statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' });
        return;
      case 'outage':
        if (failure.mode === 'service-unavailable') {
          markErrorCode(request, '503');
          await reply.code(503).send({ statusCode: 503, message: 'Service Unavailable', error: 'Service Unavailable' });
          return;
        }
        reply.hijack();
        request.raw.socket.resetAndDestroy();
        return;
      case 'timeout':
        await this.hang(reply);
        return;
    }
  }

  /** Takes the request over and answers nothing; the socket goes when the client closes it. */
  private async hang(reply: FastifyReply): Promise<void> {
    reply.hijack();
    const socket = reply.raw.socket;
    if (!socket) return;
    this.hanging.add(socket);
    const closed = new Promise<void>((resolve) => reply.raw.once('close', () => resolve()));
    await Promise.race([closed, sleep(MAX_HANG_MS, undefined, { ref: false })]);
    this.hanging.delete(socket);
    socket.destroy();
  }
}
