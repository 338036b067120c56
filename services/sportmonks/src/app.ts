// Builds the fetcher service from its config; not listening yet (server.ts does that).
import { buildService, type App, type LoggerOptions, type ServiceOptions } from '@insightxi/service-kit';
import { systemClock, type Clock } from './clock.ts';
import { apiOrigin, type FetcherConfig } from './config.ts';
import { Fetcher } from './fetcher.ts';
import { upstreamMetrics } from './metrics.ts';
import { entityRoutes } from './routes/entities.ts';
import { rateLimitRoutes } from './routes/rate-limits.ts';
import { SportMonksClient } from './upstream/client.ts';
import { RateLimits } from './upstream/rate-limits.ts';

export interface AppOptions {
  /** Upstream time; tests share the simulator's fast clock. */
  clock?: Clock;
  logger?: LoggerOptions;
  /** @fastify/under-pressure overrides (tests on busy shared cores turn the event-loop check off). */
  underPressure?: ServiceOptions['underPressure'];
}

export async function buildApp(config: FetcherConfig, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const rateLimits = new RateLimits({
    clock,
    redisUrl: config.REDIS_URL,
    idPrefix: config.RATE_LIMIT_ID_PREFIX,
    maxConcurrent: config.SPORTMONKS_MAX_CONCURRENCY,
    maxWaitMs: config.SPORTMONKS_MAX_WAIT_MS,
    resetMarginMs: 1_000,
    unknownResetPauseMs: 60_000,
  });

  const app = await buildService({
    name: 'sportmonks',
    description: 'The only service that talks to SportMonks: validated, normalized pages within the rate limit.',
    logger: { level: config.LOG_LEVEL, pretty: config.LOG_PRETTY, ...options.logger },
    internalToken: config.INTERNAL_TOKEN,
    readiness: rateLimits.clustered ? { redis: () => rateLimits.ping() } : {},
    ...(options.underPressure ? { underPressure: options.underPressure } : {}),
  });

  rateLimits.onEvent((event) => {
    app.log.info({ rateLimit: event }, event.type === 'paused' ? `SportMonks ${event.entity} paused` : `SportMonks ${event.entity} resumed`);
  });
  const client = new SportMonksClient({
    baseUrl: apiOrigin(config.SPORTMONKS_BASE_URL),
    token: config.SPORTMONKS_API_TOKEN,
    rateLimits,
    connectTimeoutMs: config.SPORTMONKS_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: config.SPORTMONKS_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: config.SPORTMONKS_BODY_TIMEOUT_MS,
    retries: config.SPORTMONKS_RETRIES,
    retryMinDelayMs: config.SPORTMONKS_RETRY_MIN_DELAY_MS,
    retryMaxDelayMs: config.SPORTMONKS_RETRY_MAX_DELAY_MS,
    maxRetryTimeMs: config.SPORTMONKS_MAX_RETRY_TIME_MS,
    log: (level, message, details) => {
      app.log[level]({ upstream: details }, message);
    },
    onCall: upstreamMetrics(app.metrics, rateLimits),
  });
  const fetcher = new Fetcher(client);

  app.addHook('onClose', async () => {
    await client.close();
    await rateLimits.close();
  });
  await app.register(entityRoutes, { fetcher });
  await app.register(rateLimitRoutes, { rateLimits });
  return app;
}
