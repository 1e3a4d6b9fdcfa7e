import 'reflect-metadata';
import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ReadinessRegistry } from '@platform/health';
import { kafkaServerOptions, PlatformKafkaServer, type ConsumerGroupState, type KafkaSettings } from '@platform/kafka';
import { CORRELATION_HEADER, enterCorrelation, Logger, newCorrelationId, sanitizeCorrelationId } from '@platform/logging';
import { collectProcessMetrics, registerHttpMetrics } from '@platform/metrics';
import { HttpErrorFilter, sendHttpError } from './http-error.filter';

export interface ServiceBootstrapOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  port: number;
  host: string;
  /** Consume the service's Kafka topics (commands and events) with this consumer group. */
  kafka?: { settings: KafkaSettings; groupId: string };
  bodyLimitBytes?: number;
  /** Keep the exact request body as `request.rawBody` (webhooks: exact decimals, body hashes). */
  rawBody?: boolean;
  /** false: the service registers its own JSON parser in `configure` (the gateway's bounded one). */
  bodyParser?: boolean;
  /** `extend` adds what Nest cannot see (routes registered on Fastify from a table). */
  swagger?: { title: string; description?: string; path?: string; extend?: (document: OpenAPIObject) => OpenAPIObject };
  /** Hook for service-specific setup (multipart, raw bodies, routes, other transports) before start. */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
}

/**
 * Starts a platform service: Fastify, JSON logs, correlation ids, /metrics, /health, the error
 * filter, the Kafka consumer (readiness waits for its group join), and graceful shutdown that
 * stops consumers before closing the database.
 */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<INestApplication> {
  collectProcessMetrics(options.name);
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // Errors of Fastify's router (a path parameter over maxParamLength: 414, a malformed URL:
    // 400) come before any route, so the error filter never sees them: answer them the same way.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => void sendHttpError(reply, error, new NestLogger('HttpErrorFilter')),
    genReqId: (req: import("node:http").IncomingMessage) => {
      const id = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? newCorrelationId();
      // The logger's HTTP middleware reads the same header, so both agree on the id.
      req.headers[CORRELATION_HEADER] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, { bufferLogs: true, rawBody: options.rawBody ?? false, bodyParser: options.bodyParser ?? true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  registerHttpMetrics(fastify);
  // Media types are case-insensitive (RFC 9110 8.3.1); Fastify matches its parsers exactly, so
  // `APPLICATION/JSON` would get 415. The type/subtype is lower-cased, parameters are kept.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'];
    if (type) request.headers['content-type'] = normalizeMediaType(type);
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    enterCorrelation(String(request.id));
    void reply.header(CORRELATION_HEADER, String(request.id));
    done();
  });
  await options.configure?.(app);

  if (options.swagger) {
    const config = new DocumentBuilder()
      .setTitle(options.swagger.title)
      .setDescription(options.swagger.description ?? '')
      .addApiKey({ type: 'apiKey', name: 'x-api-key', in: 'header' }, 'api-key')
      .build();
    const extend = options.swagger.extend ?? ((d: OpenAPIObject) => d);
    SwaggerModule.setup(options.swagger.path ?? 'docs', app, () => extend(SwaggerModule.createDocument(app, config)));
  }

  if (options.kafka) {
    const server = new PlatformKafkaServer(kafkaServerOptions(options.kafka.settings, options.kafka.groupId).options, options.kafka.settings);
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    trackConsumerGroup(app, server);
  }
  // Kafka consumers and any transport `configure` connected (the gateway's gRPC edge).
  await app.startAllMicroservices();

  await app.listen(options.port, options.host);
  return app;
}

/**
 * Readiness includes "the consumer group holds its partitions": before the join completes, and
 * during a rebalance, commands would go unanswered.
 */
function trackConsumerGroup(app: INestApplication, group: ConsumerGroupState): void {
  app.get(ReadinessRegistry).register({
    name: 'kafka-consumer',
    check: async () => {
      if (!group.holdsPartitions) throw new Error('consumer group does not hold its partitions (joining or rebalancing)');
    },
  });
}

/** `Application/JSON; charset=UTF-8` → `application/json; charset=UTF-8`. */
export function normalizeMediaType(header: string): string {
  const semicolon = header.indexOf(';');
  return semicolon < 0 ? header.trim().toLowerCase() : `${header.slice(0, semicolon).trim().toLowerCase()}${header.slice(semicolon)}`;
}
