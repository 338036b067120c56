// The SportMonks budget of every entity (app.rateLimits): one bottleneck limiter each, shared
// through Redis between fetcher processes when REDIS_URL is set.
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';
import type { FetcherConfig } from '../config.ts';
import { RateLimits } from '../upstream/rate-limits.ts';

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RateLimits;
  }
}

export default fp<{ config: FetcherConfig; clock: Clock }>(
  (app, { config, clock }) => {
    const rateLimits = new RateLimits({
      clock,
      redisUrl: config.REDIS_URL,
      idPrefix: config.RATE_LIMIT_ID_PREFIX,
      maxConcurrent: config.SPORTMONKS_MAX_CONCURRENCY,
      maxWaitMs: config.SPORTMONKS_MAX_WAIT_MS,
      resetMarginMs: 1_000,
      unknownResetPauseMs: 60_000,
    });
    if (rateLimits.clustered) app.addReadinessCheck('redis', () => rateLimits.ping());
    rateLimits.onEvent((event) => {
      app.log.info({ rateLimit: event }, event.type === 'paused' ? `SportMonks ${event.entity} paused` : `SportMonks ${event.entity} resumed`);
    });
    app.decorate('rateLimits', rateLimits);
    app.addHook('onClose', () => rateLimits.close());
    return Promise.resolve();
  },
  { name: 'rate-limits' },
);
