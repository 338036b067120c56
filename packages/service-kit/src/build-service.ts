import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure';
import { ErrorBody } from '@insightxi/contracts';
import { internalAuth } from './auth.ts';
import { frameworkErrors, installErrorHandling } from './error-handler.ts';
import { healthRoutes, type ReadinessCheck } from './health.ts';
import { clientErrorHandler, DEFAULT_LIMITS, type Limits } from './limits.ts';
import { createLogger, type LoggerOptions } from './logger.ts';
import { installMetrics } from './metrics.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';
import { recordRoutes } from './routes.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ServiceOptions {
  /** Appears in every log line (`name`) and as the OpenAPI title. */
  name: string;
  version?: string;
  description?: string;
  logger?: LoggerOptions;
  /** When set, every route except /health/*, /metrics, /docs* and `config: { public: true }` needs this bearer token. */
  internalToken?: string | undefined;
  /** Checks run by GET /health/ready; a check throws when its dependency is not usable. */
  readiness?: Record<string, ReadinessCheck>;
  readinessTimeoutMs?: number;
  /** Overrides for the body limit and the timeouts (see `DEFAULT_LIMITS`). */
  limits?: Partial<Limits>;
  /** Same as `limits.bodyLimit`. */
  bodyLimit?: number;
  /** Overrides for @fastify/under-pressure (503 when the event loop or memory is saturated). */
  underPressure?: FastifyUnderPressureOptions;
  /** Set false to serve no /docs (the OpenAPI document is still built). */
  docs?: boolean;
}

/**
 * server.close() only drops the connections idle at that moment; a keep-alive connection whose
 * request was still in flight would then hold shutdown open until the client lets go. Answering
 * with `Connection: close` once closing has begun lets every such connection end with its response.
 */
function closeKeepAliveWhenClosing(app: App): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}

/** A Fastify app with the team's logging, request ids, errors, health, docs and auth; not yet listening. */
export async function buildService(options: ServiceOptions): Promise<App> {
  const logger: FastifyBaseLogger = createLogger(options.name, options.logger);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits, ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }) };
  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestIdFrom,
    requestIdHeader: false,
    frameworkErrors,
    ...limits,
    clientErrorHandler,
    // Report every failing field at once, not only the first one ajv meets; refuse properties a
    // schema closes with `additionalProperties: false` (a typo like `?leauge=8` must not widen a sync)
    // instead of Fastify's default of dropping them silently.
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  recordRoutes(app);

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  closeKeepAliveWhenClosing(app);
  installErrorHandling(app);
  installMetrics(app, options.name);
  app.addSchema(ErrorBody);

  await app.register(underPressure, {
    maxEventLoopDelay: 1000,
    retryAfter: 5,
    ...options.underPressure,
  });

  await app.register(swagger, {
    openapi: {
      info: { title: options.name, version: options.version ?? '0.0.0', ...(options.description ? { description: options.description } : {}) },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      ...(options.internalToken ? { security: [{ bearerAuth: [] }] } : {}),
    },
  });
  if (options.docs !== false) {
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }

  if (options.internalToken !== undefined && options.internalToken !== '') {
    app.addHook('onRequest', internalAuth(options.internalToken));
  }

  await app.register(healthRoutes, {
    checks: options.readiness ?? {},
    underPressure: () => app.isUnderPressure(),
    timeoutMs: options.readinessTimeoutMs ?? 2000,
  });

  return app;
}
