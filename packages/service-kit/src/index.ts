export { buildService, fromConfig, type App, type ServiceOptions, type ServiceOverrides } from './build-service.ts';
export { DEFAULT_LIMITS, type Limits } from './limits.ts';
export { startService, type StartOptions } from './start-service.ts';
export { loadConfig, runMain, acceptedTokens, ConfigError, CommonConfig, COMMON_SECRETS, type Env } from './config.ts';
export { resolveSecrets, type ResolveSecretsOptions } from './secrets.ts';
export { requireBearer, bearerCheck } from './auth.ts';
export { HttpError, type FieldError } from './errors.ts';
export { type ErrorMapper } from './error-handler.ts';
export { errorResponses } from './schemas.ts';
export { type ReadinessCheck } from './health.ts';
export { type LoggerOptions } from './logger.ts';
export { METRICS_PATH, UNMATCHED_ROUTE } from './metrics.ts';
// Services build their own metrics from these, registered in `app.metrics`.
export { Counter, Gauge, Histogram, Summary, type Registry } from 'prom-client';
export { scrubSecrets } from './redact.ts';
export { REQUEST_ID_HEADER } from './request-id.ts';
export type { FastifyPluginAsyncTypebox as RoutePlugin } from '@fastify/type-provider-typebox';
