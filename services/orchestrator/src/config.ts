// The orchestrator's environment: every setting once, with its default. The engine and the live
// poller take their part of it as is (RunSettings, LiveSettings).
import { Type, type Static } from '@sinclair/typebox';
import { COMMON_SECRETS, CommonConfig, loadConfig, type Env } from '@insightxi/service-kit';
import { SCHEDULE_PATTERN } from './engine/schedule.ts';

/** How runs are driven: heartbeats, retries, and how much is fetched and written ahead. */
export const RunSettings = Type.Object({
  HEARTBEAT_MS: Type.Integer({ default: 5_000, minimum: 10, description: 'how often a running run proves it is alive' }),
  STALE_AFTER_MS: Type.Integer({ default: 30_000, minimum: 50, description: 'a running run with an older heartbeat is taken over' }),
  RETRY_ATTEMPTS: Type.Integer({ default: 8, minimum: 1, description: 'attempts per call when a dependency is down, before the run fails' }),
  RETRY_INITIAL_DELAY_MS: Type.Integer({ default: 1_000, minimum: 0, description: 'first backoff delay (doubling, jittered)' }),
  RETRY_MAX_DELAY_MS: Type.Integer({ default: 30_000, minimum: 0, description: 'longest backoff delay' }),
  RATE_LIMIT_MAX_WAIT_MS: Type.Integer({ default: 65 * 60_000, minimum: 0, description: 'a spent SportMonks budget that resumes within this long is waited for (not counted as a failed attempt)' }),
  BULK_CHUNK_SIZE: Type.Integer({
    default: 1_000,
    minimum: 1,
    maximum: 5_000,
    description: 'records per writer call (a record with match detail weighs 1 + a quarter per detail row; a season list 1 + one per row)',
  }),
  READ_AHEAD_PAGES: Type.Integer({ default: 32, minimum: 1, maximum: 256, description: 'pages fetched ahead of the one being written …' }),
  READ_AHEAD_RECORDS: Type.Integer({ default: 2_000, minimum: 1, maximum: 50_000, description: '… while they weigh less than this many records (detail rows count a quarter each: memory stays bounded by it)' }),
  WRITES_IN_FLIGHT: Type.Integer({ default: 2, minimum: 1, maximum: 8, description: 'writer calls sent before the first answers (the writer lands them in order)' }),
  STEPS_AHEAD: Type.Integer({ default: 2, minimum: 0, maximum: 16, description: 'later plan steps whose first page is fetched while a step is read (0: one fetcher request at a time)' }),
});
export type RunSettings = Static<typeof RunSettings>;

/** The live poller of the latest-updated feed. */
export const LiveSettings = Type.Object({
  LIVE_POLL_MS: Type.Integer({ default: 5_000, minimum: 0, description: 'live poller interval while matches are on (below the 10 s feed window); 0 turns it off' }),
  LIVE_FEED_WINDOW_MS: Type.Integer({ default: 10_000, minimum: 1, description: 'how far back the latest-updated feed reaches' }),
  LIVE_SWEEP_MS: Type.Integer({
    default: 60_000,
    minimum: 0,
    description: 'while matches are on, how often to sweep the fixtures that can be on (deletions the feed never reports); 0: only after a gap',
  }),
  LIVE_BEFORE_KICKOFF_MS: Type.Integer({ default: 15 * 60_000, minimum: 0, description: 'matches count as on from this long before kick-off' }),
  LIVE_AFTER_KICKOFF_MS: Type.Integer({ default: 3 * 3_600_000, minimum: 0, description: '… until this long after it' }),
  LIVE_SCHEDULE_CHECK_MS: Type.Integer({ default: 60_000, minimum: 0, description: 'how often to ask the writer whether matches are on' }),
});
export type LiveSettings = Static<typeof LiveSettings>;

const Token = (description: string) => Type.String({ minLength: 16, description });

export const OrchestratorConfig = Type.Object({
  ...CommonConfig,
  PORT: Type.Integer({ default: 8002, minimum: 0, maximum: 65535, description: 'port to listen on' }),
  OPERATOR_TOKEN: Token('bearer token operators send to /sync/* (or OPERATOR_TOKEN_SECRET_ARN)'),
  OPERATOR_TOKEN_PREVIOUS: Type.Optional(Token('during a rotation, the operator token being replaced: still accepted (or OPERATOR_TOKEN_PREVIOUS_SECRET_ARN)')),
  DATABASE_SERVICE_URL: Type.String({ default: 'http://127.0.0.1:8001', description: 'the writer (services/database)' }),
  SPORTMONKS_SERVICE_URL: Type.String({ default: 'http://127.0.0.1:8000', description: 'the fetcher (services/sportmonks)' }),
  DOWNSTREAM_TIMEOUT_MS: Type.Integer({ default: 120_000, minimum: 100, description: 'wait for a fetcher or writer reply (the fetcher may wait on the rate limit)' }),
  RECOVERY_SWEEP_MS: Type.Integer({ default: 15_000, minimum: 10, description: 'how often to look for stale runs (and once at start-up)' }),
  ...RunSettings.properties,
  ...LiveSettings.properties,
  SYNC_SCHEDULE: Type.String({
    default: 'incremental=incremental rate(5 minutes); week-sweep=incremental rate(1 hour); season-sweep=incremental cron(0 3 * * ? *); nightly-full=full cron(30 2 * * ? *)',
    pattern: SCHEDULE_PATTERN,
    description: 'the schedule that drives the syncs (EventBridge in AWS), for GET /freshness: `name=full|incremental rate(…)|cron(…)` entries separated by `;`',
  }),
  NOTIFY_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', description: 'a failed run is POSTed here (e.g. a Slack incoming webhook); a secret: it is never logged' })),
  NOTIFY_WEBHOOK_TIMEOUT_MS: Type.Integer({ default: 5_000, minimum: 1_000, description: 'per attempt at the failure webhook (3 attempts)' }),
});
export type OrchestratorConfig = Static<typeof OrchestratorConfig>;

/** What server.ts reads from Secrets Manager when `NAME_SECRET_ARN` is set. */
export const SECRETS = [...COMMON_SECRETS, 'OPERATOR_TOKEN', 'OPERATOR_TOKEN_PREVIOUS', 'NOTIFY_WEBHOOK_URL'];

export const readConfig = (env: Env = process.env): OrchestratorConfig => loadConfig(OrchestratorConfig, env);
