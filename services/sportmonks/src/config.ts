// The fetcher's environment: every setting once, with its default. Secrets may come as NAME or
// NAME_SECRET_ARN (server.ts reads SECRETS from Secrets Manager).
import { Type, type Static } from '@sinclair/typebox';
import type { DetailInclude } from '@insightxi/contracts';
import { isDetailInclude } from './detail-includes.ts';
import { COMMON_SECRETS, CommonConfig, loadConfig, type Env } from '@insightxi/service-kit';

export const FetcherConfig = Type.Object({
  ...CommonConfig,
  PORT: Type.Integer({ default: 8000, minimum: 0, maximum: 65535, description: 'port to listen on' }),
  SPORTMONKS_API_TOKEN: Type.String({ minLength: 1, description: 'SportMonks API token (or SPORTMONKS_API_TOKEN_SECRET_ARN)' }),
  SPORTMONKS_BASE_URL: Type.String({
    default: 'https://api.sportmonks.com',
    pattern: '^https?://',
    description: 'SportMonks origin, with or without a trailing /v3 (the simulator locally)',
  }),
  REDIS_URL: Type.Optional(Type.String({ description: 'share rate-limit budgets between fetcher processes (bottleneck clustering)' })),
  RATE_LIMIT_ID_PREFIX: Type.String({ default: 'insightxi:sportmonks', minLength: 1, description: 'limiter id prefix; processes sharing a budget use the same one' }),
  SPORTMONKS_MAX_CONCURRENCY: Type.Integer({ default: 4, minimum: 1, description: 'concurrent calls per SportMonks entity' }),
  SPORTMONKS_MAX_WAIT_MS: Type.Integer({ default: 60_000, minimum: 100, description: 'longest a request waits for a paused budget before 503 + Retry-After' }),
  SPORTMONKS_CONNECT_TIMEOUT_MS: Type.Integer({ default: 5_000, minimum: 1 }),
  SPORTMONKS_HEADERS_TIMEOUT_MS: Type.Integer({ default: 15_000, minimum: 1, description: 'wait for response headers' }),
  SPORTMONKS_BODY_TIMEOUT_MS: Type.Integer({ default: 30_000, minimum: 1, description: 'idle time inside a response body' }),
  SPORTMONKS_RETRIES: Type.Integer({ default: 4, minimum: 0, description: 'retries of network errors, timeouts, 5xx and broken bodies' }),
  SPORTMONKS_RETRY_MIN_DELAY_MS: Type.Integer({ default: 250, minimum: 1 }),
  SPORTMONKS_RETRY_MAX_DELAY_MS: Type.Integer({ default: 5_000, minimum: 1 }),
  SPORTMONKS_MAX_RETRY_TIME_MS: Type.Integer({ default: 60_000, minimum: 1, description: 'cap on the time spent retrying one call' }),
  DETAIL_INCLUDES: Type.String({
    default: 'events,lineups,statistics,referees,formations',
    pattern: '^$|^(events|lineups|statistics|referees|formations)(,(events|lineups|statistics|referees|formations))*$',
    description: 'match-detail includes fixture calls carry when asked for detail (comma-separated; empty: none)',
  }),
  FETCH_LINEUP_DETAILS: Type.Boolean({
    default: false,
    description: 'also per-player statistics (lineups.details: about 900 rows a fixture) into fixture_lineup_details',
  }),
});
export type FetcherConfig = Static<typeof FetcherConfig>;

/** What server.ts reads from Secrets Manager when `NAME_SECRET_ARN` is set. */
export const SECRETS = [...COMMON_SECRETS, 'SPORTMONKS_API_TOKEN'];

export function readConfig(env: Env = process.env): FetcherConfig {
  return loadConfig(FetcherConfig, env);
}

/**
 * The detail includes of the settings, nested ones under their parents (two levels, the most we
 * ask for): the people lineups and referee assignments name come along (lineups.player,
 * referees.referee) so none costs a call of his own; lineup details only with FETCH_LINEUP_DETAILS.
 */
export function detailIncludesOf(config: Pick<FetcherConfig, 'DETAIL_INCLUDES' | 'FETCH_LINEUP_DETAILS'>): DetailInclude[] {
  const listed = [...new Set(config.DETAIL_INCLUDES.split(',').filter((name) => name !== ''))].filter(isDetailInclude);
  const nested: DetailInclude[] = [];
  if (listed.includes('lineups')) nested.push('lineups.player', ...(config.FETCH_LINEUP_DETAILS ? (['lineups.details'] as const) : []));
  if (listed.includes('referees')) nested.push('referees.referee');
  return [...listed, ...nested];
}

/** The origin without a trailing `/` or `/v3`: paths are appended as `/v3/football/...`. */
export function apiOrigin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v3$/, '');
}
