// Pages of normalized records from SportMonks (app.fetcher), through the one HTTP client that
// sends requests there, every call within the entity's rate limit.
import fp from 'fastify-plugin';
import { apiOrigin, detailIncludesOf, type FetcherConfig } from '../config.ts';
import { DetailIncludes } from '../detail-includes.ts';
import { Fetcher } from '../fetcher.ts';
import { upstreamMetrics } from '../metrics.ts';
import { SportMonksClient } from '../upstream/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    fetcher: Fetcher;
  }
}

export default fp<{ config: FetcherConfig }>(
  (app, { config }) => {
    const client = new SportMonksClient({
      baseUrl: apiOrigin(config.SPORTMONKS_BASE_URL),
      token: config.SPORTMONKS_API_TOKEN,
      rateLimits: app.rateLimits,
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
      onCall: upstreamMetrics(app.metrics, app.rateLimits),
    });
    const detailIncludes = new DetailIncludes(detailIncludesOf(config), {
      onRefused: (include, upstreamMessage) => {
        app.log.warn({ include, upstreamMessage }, 'SportMonks refused a detail include (not in the plan, or the call too complex): left out');
      },
    });
    app.decorate('fetcher', new Fetcher(client, detailIncludes));
    app.addHook('onClose', () => client.close());
    return Promise.resolve();
  },
  { name: 'fetcher', dependencies: ['rate-limits'] },
);
