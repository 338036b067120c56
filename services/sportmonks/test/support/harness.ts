// Builds a fetcher against a simulator for tests: config from defaults plus overrides, logs
// captured, and a walker that follows `next` to the end of a scope.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '@insightxi/sportmonks-sim';
import type { App } from '@insightxi/service-kit';
import { captureLogs, type CapturedLogs } from '@insightxi/service-kit/testing';
import { RELATED_ENTITIES, type FetchPage, type FetchQuery, type RejectedRecord, type RelatedRecords } from '@insightxi/contracts';
import { buildApp } from '../../src/app.ts';
import { drivenClock, followingClock, type Clock, type DrivenClock } from '../../src/clock.ts';
import { readConfig } from '../../src/config.ts';
import type { EntityName } from '../../src/scope.ts';

export const INTERNAL_TOKEN = 'test-internal-token';

export interface TestFetcher {
  app: App;
  logs: CapturedLogs;
}

export async function testFetcher(baseUrl: string, env: Record<string, string> = {}, clock?: Clock): Promise<TestFetcher> {
  const logs = captureLogs();
  const config = readConfig({
    SPORTMONKS_API_TOKEN: 'demo',
    SPORTMONKS_BASE_URL: baseUrl,
    INTERNAL_TOKEN,
    LOG_LEVEL: 'debug',
    RATE_LIMIT_ID_PREFIX: `test-${process.pid}-${Math.random().toString(36).slice(2)}`,
    SPORTMONKS_HEADERS_TIMEOUT_MS: '1000',
    SPORTMONKS_BODY_TIMEOUT_MS: '1000',
    SPORTMONKS_RETRY_MIN_DELAY_MS: '10',
    SPORTMONKS_RETRY_MAX_DELAY_MS: '50',
    SPORTMONKS_RETRIES: '6',
    ...env,
  });
  // Busy shared cores lag the event loop past the default limit; these tests are not about load.
  const app = await buildApp(config, { logger: { stream: logs.stream }, underPressure: { maxEventLoopDelay: 0 }, ...(clock ? { clock } : {}) });
  return { app, logs };
}

export interface Walk<T> {
  data: T[];
  rejected: RejectedRecord[];
  pages: number;
  calls: number;
  waitedMs: number;
  /** Every page's related records, in one set. */
  related: RelatedRecords;
}

export async function getPage<T>(app: App, entity: EntityName, query: FetchQuery): Promise<{ status: number; body: FetchPage<T> & { message?: string }; headers: Record<string, unknown> }> {
  const response = await app.inject({
    method: 'GET',
    url: `/${entity}`,
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** Follows `next` to the end; a 503 (budget paused past the wait) is retried after Retry-After. */
export async function walk<T>(app: App, entity: EntityName, query: FetchQuery = {}, options: { retryAfterScale?: number } = {}): Promise<Walk<T>> {
  const out: Walk<T> = { data: [], rejected: [], pages: 0, calls: 0, waitedMs: 0, related: {} };
  let cursor: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof getPage<T>>> = await getPage<T>(app, entity, cursor === null ? query : { ...query, cursor });
    const { status, body, headers } = page;
    if (status === 503) {
      await sleep(Number(headers['retry-after'] ?? 1) * 1000 * (options.retryAfterScale ?? 1));
      continue;
    }
    if (status !== 200) throw new Error(`GET /${entity} answered ${status}: ${body.message ?? ''}`);
    out.pages += 1;
    out.calls += body.upstream.calls;
    out.waitedMs += body.upstream.waitedMs;
    out.data.push(...body.data);
    out.rejected.push(...body.rejected);
    for (const entity of RELATED_ENTITIES) if (body.related?.[entity]) (out.related[entity] ??= []).push(...(body.related[entity] as never[]));
    if (body.next === null) return out;
    cursor = body.next;
  }
}

/** The fetcher's view of a simulator running `speed` times faster than real time. */
export const simulatorClock = (sim: { now(): number }, speed: number): Clock => followingClock(() => sim.now(), speed);

/** The fetcher's view of a simulator at speed 0, whose time moves only with `drive()`. */
export const drivenSimulatorClock = (sim: { now(): number }): DrivenClock => drivenClock(() => sim.now());

/**
 * Settles `work` while moving the simulator's clock: whenever the fetcher waits for a timer (a
 * paused budget's reset), the simulator is advanced to it and the timer fired. A timer is moved to
 * only once it was already pending at the previous look, a few real milliseconds earlier: the calls
 * it holds back are queued by then and have waited a measurable time.
 */
export async function drive<T>(work: Promise<T>, sim: { now(): number; advanceClock(ms: number): unknown }, clock: DrivenClock): Promise<T> {
  const state = { settled: false };
  const done = work.finally(() => {
    state.settled = true;
  });
  let seen: number | null = null;
  while (!state.settled) {
    await sleep(3);
    const at = clock.nextTimerAt();
    if (at === null || at !== seen) {
      seen = at;
      continue;
    }
    if (at > sim.now()) sim.advanceClock(at - sim.now());
    clock.fireDue();
    seen = null;
  }
  return done;
}

/** A simulator and a fetcher on it for the whole test file: started before its tests, closed after them. */
export function simulatedFetcher(options: SimulatorOptions): { sim: () => Simulator; fetcher: () => TestFetcher } {
  let sim: Simulator | undefined;
  let fetcher: TestFetcher | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, ...options });
    fetcher = await testFetcher(sim.url);
  });
  afterAll(async () => {
    await fetcher?.app.close();
    await sim?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the simulator starts before the tests');
    return value;
  };
  return { sim: () => started(sim), fetcher: () => started(fetcher) };
}
