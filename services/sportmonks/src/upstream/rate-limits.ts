// One limiter per SportMonks entity (the `requested_entity` that is charged). The reservoir
// follows what SportMonks reports: after each answer it becomes `remaining` minus the calls
// still in flight, so it never promises more than the upstream has left. A spent budget or a 429
// empties the reservoir until the reset; then a single probe call learns the new budget. With
// Redis, bottleneck limiters of the same id in several processes share one reservoir.
// Two lanes: live calls go first in the queue, and sweeps leave a reserve for them (half again
// what the live lane's pace of the last ten minutes needs until the reset, looked at again every
// minute while a sweep is held), so a backfill never starves the live poller and still spends the rest.
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import type { RateLimitsResponse } from '@insightxi/contracts';
import type { Clock } from '../clock.ts';
import { BudgetExhaustedError } from './errors.ts';
import { LocalLimiter, clusteredLimiter, type Lane, type Limiter } from './limiter.ts';

export interface RateLimitsOptions {
  clock: Clock;
  /** Shares budgets between processes when set. */
  redisUrl?: string | undefined;
  /** Limiter ids are `${idPrefix}:${entity}`; processes sharing a budget use the same prefix. */
  idPrefix: string;
  /** Concurrent calls per entity. */
  maxConcurrent: number;
  /** Longest a request waits (real time) for a paused entity before it gets 503 + Retry-After. */
  maxWaitMs: number;
  /** Upstream time added after the reported reset (resets_in_seconds is rounded). */
  resetMarginMs: number;
  /** Pause after a 429 when no reset time is known (upstream time). */
  unknownResetPauseMs: number;
}

export type RateLimitEvent =
  | { type: 'paused'; entity: string; until: string; reason: 'budget spent' | '429' }
  | { type: 'resumed'; entity: string };

interface EntityBudget {
  entity: string;
  limiter: Limiter;
  remaining: number | null;
  resetAt: number | null;
  pausedUntil: number | null;
  cancelTimer: (() => void) | null;
  /** End of the window the answers we saw belong to (upstream time). */
  windowEndsAt: number | null;
  lowestRemaining: number | null;
  observing: Promise<void>;
  /** How many times the entity was paused (a spent budget or a 429) since it was first used. */
  pauses: number;
  /** Upstream times of the live lane's recent calls: their pace sets the reserve sweeps leave. */
  liveCalls: number[];
}

export interface Scheduled<T> {
  value: T;
  /**
   * Real milliseconds the call waited for the budget: its time in the queue when the entity was
   * paused while it waited, else 0 (the limiter's own scheduling and the concurrency cap are not
   * a rate-limit wait).
   */
  waitedMs: number;
}

// Keys of a limiter nobody uses expire, so stale budgets never outlive a window by much.
const REDIS_KEY_TTL_MS = 3 * 60 * 60 * 1000;
/** How far back (upstream time) the live lane's pace is measured (its sweeps come every few minutes); no live call in it: no reserve. */
const LIVE_PACE_WINDOW_MS = 10 * 60_000;
/** A sweep held for the live reserve looks again this often (the reserve shrinks as the reset nears). */
const HELD_LOOK_AGAIN_MS = 60_000;
/**
 * The reserve covers the live lane's pace this many times over: the pace a backfill is held by is
 * measured before kick-offs, gap sweeps and the periodic sweeps raise it (measured: at exactly the
 * pace, a matchday's live poller ran dry 70 s before the reset). What it holds back too much is
 * released as the reset nears: the reserve shrinks with the time left.
 */
const LIVE_HEADROOM = 1.5;

export class RateLimits {
  private readonly budgets = new Map<string, EntityBudget>();
  private readonly options: RateLimitsOptions;
  private readonly connection: Bottleneck.IORedisConnection | null;
  private readonly redis: Redis | null;
  private readonly listeners: ((event: RateLimitEvent) => void)[] = [];

  constructor(options: RateLimitsOptions) {
    this.options = options;
    if (options.redisUrl !== undefined && options.redisUrl !== '') {
      this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
      this.connection = new Bottleneck.IORedisConnection({ client: this.redis, Redis });
    } else {
      this.redis = null;
      this.connection = null;
    }
  }

  onEvent(listener: (event: RateLimitEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(event: RateLimitEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get clustered(): boolean {
    return this.connection !== null;
  }

  private budget(entity: string): EntityBudget {
    let budget = this.budgets.get(entity);
    if (budget === undefined) {
      // The budget is unknown until the first answer: one probe call learns it.
      const limiter =
        this.connection === null
          ? new LocalLimiter(this.options.maxConcurrent, 1)
          : clusteredLimiter({
              id: `${this.options.idPrefix}:${entity}`,
              maxConcurrent: this.options.maxConcurrent,
              reservoir: 1,
              datastore: 'ioredis',
              connection: this.connection,
              clearDatastore: false,
              timeout: REDIS_KEY_TTL_MS,
            });
      budget = { entity, limiter, remaining: null, resetAt: null, pausedUntil: null, cancelTimer: null, windowEndsAt: null, lowestRemaining: null, observing: Promise.resolve(), pauses: 0, liveCalls: [] };
      this.budgets.set(entity, budget);
    }
    return budget;
  }

  /**
   * Before a call: throws BudgetExhaustedError when the entity is paused for longer than a
   * request may wait. In a cluster, an empty shared reservoir nobody will refill counts as paused.
   * A sweep finding only the live reserve left waits for the window's end (or gives up the same
   * way); the real milliseconds it waited are returned.
   */
  async admit(entity: string, lane: Lane = 'sweep'): Promise<number> {
    const budget = this.budget(entity);
    await this.ensureRefill(budget);
    let heldMs = 0;
    if (lane === 'live') this.noteLiveCall(budget);
    else {
      // The reserve shrinks as the reset nears: a held sweep looks again every minute.
      for (let heldUntil = await this.heldForLive(budget); heldUntil !== null; heldUntil = await this.heldForLive(budget)) {
        heldMs += await this.waitUntil(budget, heldUntil);
      }
    }
    if (budget.pausedUntil === null) return heldMs;
    const waitMs = budget.pausedUntil - this.options.clock.now();
    if (waitMs > 0 && this.options.clock.toRealMs(waitMs) > this.options.maxWaitMs) throw this.exhausted(budget);
    return heldMs;
  }

  private noteLiveCall(budget: EntityBudget): void {
    const now = this.options.clock.now();
    budget.liveCalls.push(now);
    while ((budget.liveCalls[0] ?? now) < now - LIVE_PACE_WINDOW_MS) budget.liveCalls.shift();
  }

  /**
   * The calls the live lane needs until the reset at its recent pace with headroom (0 when it has
   * been quiet), plus one a concurrent slot: sweeps admitted together may each take one before it
   * shows. The pace is its calls over the span they came in (n calls over n − 1 gaps: it errs high).
   */
  liveReserve(entity: string): number {
    const budget = this.budget(entity);
    const now = this.options.clock.now();
    const recent = budget.liveCalls.filter((at) => at >= now - LIVE_PACE_WINDOW_MS);
    const first = recent[0];
    if (first === undefined || budget.resetAt === null || budget.resetAt <= now) return 0;
    // One call is no pace yet: over the 1 s floor it would claim the whole window and hold every
    // sweep for a minute (make demo stalled 60 s when matches were on as its fixtures ran).
    if (recent.length < 2) return 1 + this.options.maxConcurrent;
    const span = Math.max(now - first, 1_000);
    return Math.ceil(LIVE_HEADROOM * (recent.length / span) * (budget.resetAt - now)) + 1 + this.options.maxConcurrent;
  }

  /** When only the live reserve is left in the current window: when to look again (upstream time); else null. */
  private async heldForLive(budget: EntityBudget): Promise<number | null> {
    if (budget.remaining === null || budget.windowEndsAt === null || budget.resetAt === null) return null;
    const now = this.options.clock.now();
    if (now >= budget.windowEndsAt) return null;
    const reserve = this.liveReserve(budget.entity);
    if (reserve === 0 || (await budget.limiter.currentReservoir()) > reserve) return null;
    return Math.min(budget.resetAt + this.options.resetMarginMs, now + HELD_LOOK_AGAIN_MS);
  }

  private waitUntil(budget: EntityBudget, until: number): Promise<number> {
    const waitMs = until - this.options.clock.now();
    if (this.options.clock.toRealMs(waitMs) > this.options.maxWaitMs) throw this.exhausted(budget, until);
    const started = performance.now();
    return new Promise((resolve) => {
      this.options.clock.setTimer(() => {
        resolve(Math.round(performance.now() - started));
      }, waitMs);
    });
  }

  private exhausted(budget: EntityBudget, heldUntil?: number): BudgetExhaustedError {
    const now = this.options.clock.now();
    const until = heldUntil ?? budget.pausedUntil ?? (budget.resetAt !== null && budget.resetAt > now ? budget.resetAt + this.options.resetMarginMs : now + this.options.unknownResetPauseMs);
    return new BudgetExhaustedError(budget.entity, this.options.clock.toRealMs(until - now) / 1000, new Date(until).toISOString());
  }

  /**
   * Runs `call` when the entity's budget allows; `call` reports the answer through observe().
   * A call still queued after maxWaitMs gives up with BudgetExhaustedError (its slot is handed back).
   */
  schedule<T>(entity: string, call: () => Promise<T>, lane: Lane = 'sweep'): Promise<Scheduled<T>> {
    const budget = this.budget(entity);
    const queuedAt = performance.now();
    const pausedWhenQueued = budget.pausedUntil !== null;
    const pausesWhenQueued = budget.pauses;
    return new Promise<Scheduled<T>>((resolve, reject) => {
      let state: 'queued' | 'started' | 'abandoned' = 'queued';
      const timer = setTimeout(() => {
        if (state !== 'queued') return;
        state = 'abandoned';
        reject(this.exhausted(budget));
      }, this.options.maxWaitMs);
      budget.limiter
        .schedule(lane, async () => {
          if (state === 'abandoned') {
            await budget.limiter.incrementReservoir(1);
            return null;
          }
          state = 'started';
          clearTimeout(timer);
          const heldByBudget = pausedWhenQueued || budget.pauses !== pausesWhenQueued;
          const waitedMs = heldByBudget ? Math.round(performance.now() - queuedAt) : 0;
          return { value: await call(), waitedMs };
        })
        .then(
          (result) => {
            if (result !== null) resolve(result);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
    });
  }

  /**
   * Feeds the `rate_limit` block of an answer. Each process reads only its own answers: with
   * calls of two processes in flight at once, answers counted in one order and read in another
   * can leave the shared reservoir a call off either way until the next answer with nothing else
   * in flight (test/cluster.test.ts takes turns for that reason). `fromOwnCall` is true when called from inside the
   * scheduled call of the same entity (that call is still counted as running).
   */
  observe(entity: string, remaining: number, resetsInSeconds: number, fromOwnCall: boolean): Promise<void> {
    const budget = this.budget(entity);
    // One at a time per entity: interleaved reads of the reservoir would undo each other.
    const next = budget.observing.then(() => this.apply(budget, remaining, resetsInSeconds, fromOwnCall));
    budget.observing = next.catch(() => undefined);
    return next;
  }

  private async apply(budget: EntityBudget, remaining: number, resetsInSeconds: number, fromOwnCall: boolean): Promise<void> {
    const now = this.options.clock.now();
    const newWindow = budget.windowEndsAt === null || now >= budget.windowEndsAt;
    if (newWindow) {
      budget.windowEndsAt = now + resetsInSeconds * 1000;
      budget.lowestRemaining = remaining;
    }
    // Answers can arrive out of order: within a window the lowest `remaining` is the freshest.
    const latest = Math.min(remaining, budget.lowestRemaining ?? remaining);
    budget.lowestRemaining = latest;
    budget.remaining = latest;
    budget.resetAt = now + resetsInSeconds * 1000;
    if (budget.pausedUntil !== null && budget.pausedUntil > now && latest > 0) return;

    // Read the reservoir before `running`: a call starting in between is then counted in the
    // target and its decrement survives the increment, erring on the side of fewer calls.
    const current = await budget.limiter.currentReservoir();
    const running = await budget.limiter.running();
    const othersInFlight = Math.max(0, running - (fromOwnCall ? 1 : 0));
    const target = Math.max(0, latest - othersInFlight);
    // With calls in flight, some may already be counted in `remaining`: only lower the reservoir
    // then; the last answer of a burst (nothing else in flight) sets it exactly.
    const next = newWindow || othersInFlight === 0 ? target : Math.min(current, target);
    if (next !== current) await budget.limiter.incrementReservoir(next - current);
    if (latest <= 0) this.pause(budget, budget.resetAt + this.options.resetMarginMs, 'budget spent');
  }

  /**
   * A call that ended without a rate_limit block (network error, 5xx, unreadable body). When it
   * held the entity's last slot — typically the probe that learns the budget — the slot comes
   * back, or nothing would ever go out again; a spent budget is not refunded (it is paused).
   */
  async unanswered(entity: string): Promise<void> {
    const budget = this.budget(entity);
    if (budget.pausedUntil !== null) return;
    const current = await budget.limiter.currentReservoir();
    if (current > 0 || (await budget.limiter.running()) > 1) return;
    await budget.limiter.incrementReservoir(1 - current);
  }

  /** A 429: nothing more goes out for this entity until its reset (or a probe when none is known). */
  async rateLimited(entity: string): Promise<void> {
    const budget = this.budget(entity);
    const now = this.options.clock.now();
    budget.remaining = 0;
    const until = budget.resetAt !== null && budget.resetAt > now ? budget.resetAt + this.options.resetMarginMs : now + this.options.unknownResetPauseMs;
    const current = await budget.limiter.currentReservoir();
    if (current > 0) await budget.limiter.incrementReservoir(-current);
    this.pause(budget, until, '429');
  }

  private pause(budget: EntityBudget, until: number, reason: 'budget spent' | '429'): void {
    if (budget.pausedUntil !== null && budget.pausedUntil >= until) return;
    budget.cancelTimer?.();
    budget.pausedUntil = until;
    budget.pauses += 1;
    this.emit({ type: 'paused', entity: budget.entity, until: new Date(until).toISOString(), reason });
    budget.cancelTimer = this.options.clock.setTimer(() => {
      void this.resume(budget);
    }, until - this.options.clock.now());
  }

  private async resume(budget: EntityBudget): Promise<void> {
    budget.cancelTimer = null;
    budget.pausedUntil = null;
    budget.remaining = null;
    // Paused until after the reset: the next answer opens a new window.
    budget.windowEndsAt = null;
    budget.lowestRemaining = null;
    const current = await budget.limiter.currentReservoir();
    // One probe call: its answer tells the new window's budget (another process may have probed).
    if (current <= 0) await budget.limiter.incrementReservoir(1 - current);
    this.emit({ type: 'resumed', entity: budget.entity });
  }

  /** An empty shared reservoir with no timer here (its owner process died): schedule our own probe. */
  private async ensureRefill(budget: EntityBudget): Promise<void> {
    if (budget.cancelTimer !== null || !this.clustered) return;
    const current = await budget.limiter.currentReservoir();
    if (current > 0 || (await budget.limiter.running()) > 0) return;
    const now = this.options.clock.now();
    const until = budget.resetAt !== null && budget.resetAt > now ? budget.resetAt + this.options.resetMarginMs : now + this.options.unknownResetPauseMs;
    this.pause(budget, until, 'budget spent');
  }

  snapshot(): RateLimitsResponse['entities'] {
    const now = this.options.clock.now();
    return [...this.budgets.values()]
      .map((b) => ({
        entity: b.entity,
        remaining: b.remaining,
        resetsAt: b.resetAt !== null && b.resetAt > now ? new Date(b.resetAt).toISOString() : null,
        pausedUntil: b.pausedUntil !== null && b.pausedUntil > now ? new Date(b.pausedUntil).toISOString() : null,
      }))
      .sort((a, b) => a.entity.localeCompare(b.entity));
  }

  /** For readiness: the shared store answers. */
  async ping(): Promise<void> {
    if (this.redis !== null) await this.redis.ping();
  }

  async close(): Promise<void> {
    for (const budget of this.budgets.values()) {
      budget.cancelTimer?.();
      await budget.limiter.disconnect();
    }
    this.budgets.clear();
    if (this.connection !== null) await this.connection.disconnect(false);
  }
}
