import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure';
import { ErrorBody } from '@insightxi/contracts';
import { internalAuth } from './auth.ts';
import { acceptedTokens, type CommonConfig } from './config.ts';
import { frameworkErrors, installErrorHandling, type ErrorMapper } from './error-handler.ts';
import { healthRoutes, type ReadinessCheck } from './health.ts';
import { clientErrorHandler, DEFAULT_LIMITS, type Limits } from './limits.ts';
import { createLogger, type LoggerOptions } from './logger.ts';
import { installMetrics } from './metrics.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';
import { recordRoutes } from './routes.ts';
import { typeboxValidator } from './validation.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ServiceOptions {
  /** Appears in every log line (`name`) and as the OpenAPI title. */
  name: string;
  version?: string;
  description?: string;
  logger?: LoggerOptions;
  /**
   * When given, every route except /health/*, /metrics, /docs* and `config: { public: true }` needs
   * one of these bearer tokens (the current one and, during a rotation, the previous one).
   */
  internalTokens?: readonly string[];
  /** The service's typed domain errors as HttpErrors: the one error handler asks it first. */
  mapError?: ErrorMapper;
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

/** What tests and benchmarks may change about a service built from its config. */
export interface ServiceOverrides {
  logger?: LoggerOptions;
  underPressure?: FastifyUnderPressureOptions;
  limits?: Partial<Limits>;
}

/**
 * The options every service derives from its config the same way: log level, and the internal
 * tokens it accepts (INTERNAL_TOKEN, and INTERNAL_TOKEN_PREVIOUS during a rotation).
 */
export function fromConfig(config: CommonConfig, overrides: ServiceOverrides = {}): Pick<ServiceOptions, 'logger' | 'internalTokens' | 'underPressure' | 'limits'> {
  return {
    logger: { level: config.LOG_LEVEL, pretty: config.LOG_PRETTY, ...overrides.logger },
    internalTokens: acceptedTokens(config.INTERNAL_TOKEN, config.INTERNAL_TOKEN_PREVIOUS),
    ...(overrides.underPressure ? { underPressure: overrides.underPressure } : {}),
    ...(overrides.limits ? { limits: overrides.limits } : {}),
  };
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
  const internalTokens = options.internalTokens ?? [];
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits, ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }) };
  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestIdFrom,
    requestIdHeader: false,
    frameworkErrors,
    ...limits,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  recordRoutes(app);
  app.setValidatorCompiler(typeboxValidator);

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  closeKeepAliveWhenClosing(app);
  installErrorHandling(app, options.mapError);
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
      ...(internalTokens.length > 0 ? { security: [{ bearerAuth: [] }] } : {}),
    },
  });
  if (options.docs !== false) {
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }

  await app.register(internalAuth, { tokens: internalTokens });

  const checks: Record<string, ReadinessCheck> = { ...options.readiness };
  app.decorate('addReadinessCheck', (name: string, check: ReadinessCheck) => {
    checks[name] = check;
  });
  await app.register(healthRoutes, {
    checks,
    underPressure: () => app.isUnderPressure(),
    timeoutMs: options.readinessTimeoutMs ?? 2000,
  });

  return app;
}
