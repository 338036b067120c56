// The one place that sends requests to SportMonks: token in the Authorization header, undici
// timeouts, p-retry for transient failures, and every call through the entity's rate limiter.
import pRetry from 'p-retry';
import { Agent, request } from 'undici';
import { readEnvelope, readRateLimit, type Envelope } from './envelope.ts';
import { RateLimitedError, TransientUpstreamError, UpstreamRefusedError } from './errors.ts';
import type { Lane } from './limiter.ts';
import type { RateLimits } from './rate-limits.ts';

export interface SportMonksClientOptions {
  /** Origin of the API, without `/v3` (e.g. https://api.sportmonks.com). */
  baseUrl: string;
  token: string;
  rateLimits: RateLimits;
  connectTimeoutMs: number;
  /** Time to the response headers. */
  headersTimeoutMs: number;
  /** Time between body chunks, and (added to headersTimeoutMs) the whole call's deadline. */
  bodyTimeoutMs: number;
  retries: number;
  retryMinDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryTimeMs: number;
  log?: (level: 'debug' | 'warn', message: string, details: Record<string, unknown>) => void;
  /** Each call sent, with the limiter's entity and the HTTP status, or `network` when none came back. */
  onCall?: (entity: string, status: string) => void;
}

export interface UpstreamRequest {
  /** Path after `/v3`, e.g. `/football/fixtures/between/2025-01-01/2025-04-10`. */
  path: string;
  params?: Record<string, string>;
  /** `live` goes first and may spend the reserve sweeps leave; default `sweep`. */
  lane?: Lane;
}

export interface UpstreamAnswer {
  envelope: Envelope;
  /** The entity SportMonks charged. */
  entity: string;
  calls: number;
  waitedMs: number;
}

// The charged entity of a path, until an answer's rate_limit.requested_entity says otherwise.
const DEFAULT_ENTITIES: Record<string, string> = {
  types: 'Type',
  countries: 'Country',
  states: 'State',
  leagues: 'League',
  seasons: 'Season',
  venues: 'Venue',
  teams: 'Team',
  fixtures: 'Fixture',
  livescores: 'Fixture',
  standings: 'Standing',
  schedules: 'Stage',
  stages: 'Stage',
  rounds: 'Round',
};

interface UpstreamErrorBody {
  message?: unknown;
  code?: unknown;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function networkReason(error: unknown): { message: string; timeout: boolean } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const name = error instanceof Error ? error.name : '';
  const timeout = /TIMEOUT/i.test(code) || name === 'TimeoutError' || name === 'AbortError';
  const what = code !== '' ? code : name !== '' ? name : 'network error';
  return { message: timeout ? `SportMonks did not answer in time (${what})` : `could not reach SportMonks (${what})`, timeout };
}

export class SportMonksClient {
  private readonly options: SportMonksClientOptions;
  private readonly agent: Agent;
  private readonly learnedEntities = new Map<string, string>();

  constructor(options: SportMonksClientOptions) {
    this.options = options;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    });
  }

  /** The limiter a path is charged to. */
  entityOf(path: string): string {
    const segment = path.split('/')[2] ?? '';
    return this.learnedEntities.get(segment) ?? DEFAULT_ENTITIES[segment] ?? (segment === '' ? 'Other' : segment);
  }

  async get(req: UpstreamRequest): Promise<UpstreamAnswer> {
    const url = this.urlOf(req);
    const counter = { calls: 0, waitedMs: 0, entity: this.entityOf(req.path) };
    for (;;) {
      const entity = this.entityOf(req.path);
      counter.waitedMs += await this.options.rateLimits.admit(entity, req.lane);
      try {
        const envelope = await pRetry(() => this.attempt(url, req, entity, counter), {
          retries: this.options.retries,
          minTimeout: this.options.retryMinDelayMs,
          maxTimeout: this.options.retryMaxDelayMs,
          maxRetryTime: this.options.maxRetryTimeMs,
          factor: 2,
          randomize: true,
          shouldRetry: ({ error }) => error instanceof TransientUpstreamError,
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
            if (error instanceof TransientUpstreamError) {
              this.options.log?.('warn', 'SportMonks call failed', { path: req.path, attempt: attemptNumber, retriesLeft, reason: error.message });
            }
          },
        });
        return { envelope, entity: counter.entity, calls: counter.calls, waitedMs: counter.waitedMs };
      } catch (error) {
        // A 429 paused the entity: the next round waits in the limiter for the reset.
        if (error instanceof RateLimitedError) continue;
        throw error;
      }
    }
  }

  private urlOf(req: UpstreamRequest): string {
    const query = new URLSearchParams(req.params ?? {}).toString();
    return `${this.options.baseUrl}/v3${req.path}${query === '' ? '' : `?${query}`}`;
  }

  private async attempt(url: string, req: UpstreamRequest, entity: string, counter: { calls: number; waitedMs: number; entity: string }): Promise<Envelope> {
    const { value, waitedMs } = await this.options.rateLimits.schedule(entity, async () => {
      counter.calls += 1;
      let answered = 'network';
      try {
        const { status, text } = await this.send(url, req);
        answered = String(status);
        return await this.interpret(status, text, req, entity);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) await this.options.rateLimits.unanswered(entity);
        throw error;
      } finally {
        this.options.onCall?.(entity, answered);
      }
    }, req.lane);
    counter.waitedMs += waitedMs;
    counter.entity = value.entity;
    return value.envelope;
  }

  private async send(url: string, req: UpstreamRequest): Promise<{ status: number; text: string }> {
    const started = performance.now();
    try {
      const response = await request(url, {
        method: 'GET',
        headers: { authorization: this.options.token, accept: 'application/json' },
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.options.headersTimeoutMs + this.options.bodyTimeoutMs),
      });
      const text = await response.body.text();
      this.options.log?.('debug', 'SportMonks call', { path: req.path, status: response.statusCode, ms: Math.round(performance.now() - started) });
      return { status: response.statusCode, text };
    } catch (error) {
      const reason = networkReason(error);
      throw new TransientUpstreamError(reason.message, { cause: error, timeout: reason.timeout });
    }
  }

  private async interpret(status: number, text: string, req: UpstreamRequest, entity: string): Promise<{ envelope: Envelope; entity: string }> {
    if (status === 429) {
      await this.options.rateLimits.rateLimited(entity);
      throw new RateLimitedError(entity);
    }
    const parsed = parseJson(text);
    const rateLimit = parsed.ok ? readRateLimit(parsed.value) : null;
    let charged = entity;
    if (rateLimit !== null) {
      charged = rateLimit.entity;
      if (charged !== entity) this.learnedEntities.set(req.path.split('/')[2] ?? '', charged);
      await this.options.rateLimits.observe(charged, rateLimit.remaining, rateLimit.resetsInSeconds, charged === entity);
    }
    if (status >= 500) {
      throw new TransientUpstreamError(`SportMonks answered ${status}${this.upstreamMessage(parsed)}`);
    }
    if (status >= 400) throw this.refused(status, parsed, req);
    if (!parsed.ok) {
      throw new TransientUpstreamError(`SportMonks sent a body that is not valid JSON (${text.length} bytes, truncated?) for ${req.path}`);
    }
    return { envelope: readEnvelope(parsed.value), entity: charged };
  }

  private upstreamMessage(parsed: { ok: true; value: unknown } | { ok: false }): string {
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return '';
    const body = parsed.value as UpstreamErrorBody;
    const code = typeof body.code === 'number' || typeof body.code === 'string' ? `, code ${String(body.code)}` : '';
    const message = typeof body.message === 'string' ? `: ${this.scrub(body.message)}` : '';
    return `${code}${message}`;
  }

  private refused(status: number, parsed: { ok: true; value: unknown } | { ok: false }, req: UpstreamRequest): UpstreamRefusedError {
    const body = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as UpstreamErrorBody) : {};
    const code = typeof body.code === 'number' ? body.code : typeof body.code === 'string' && /^\d+$/.test(body.code) ? Number(body.code) : null;
    const detail = this.upstreamMessage(parsed);
    const include = req.params?.include;
    let message: string;
    if (status === 401) {
      message = `SportMonks refused the API token (401${detail}); check SPORTMONKS_API_TOKEN`;
    } else if (status === 403) {
      const asked = include === undefined ? '' : ` or the include "${include}"`;
      message = `SportMonks refused ${req.path} (403${detail}); the plan does not cover this resource${asked}`;
    } else {
      message = `SportMonks answered ${status}${detail} for ${req.path}`;
    }
    return new UpstreamRefusedError(status, code, message);
  }

  /** Upstream messages are echoed to callers: never let the token ride along. */
  private scrub(message: string): string {
    return this.options.token === '' ? message : message.split(this.options.token).join('[REDACTED]');
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
