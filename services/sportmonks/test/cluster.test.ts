// Two fetcher processes sharing one budget through Redis: together they spend exactly the
// simulator's hourly budget and never run into a 429.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@insightxi/sportmonks-sim';
import type { FetchPage } from '@insightxi/contracts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BUDGET = 12;
const TOKEN = 'cluster-internal-token';
const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const PREFIX = `test-cluster-${process.pid}-${Date.now()}`;

let sim: Simulator;
const processes: ChildProcess[] = [];

async function startFetcher(): Promise<string> {
  const child = spawn(`${SERVICE_DIR}node_modules/.bin/tsx`, ['src/server.ts'], {
    cwd: SERVICE_DIR,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      INTERNAL_TOKEN: TOKEN,
      SPORTMONKS_API_TOKEN: 'demo',
      SPORTMONKS_BASE_URL: sim.url,
      REDIS_URL,
      RATE_LIMIT_ID_PREFIX: PREFIX,
      SPORTMONKS_MAX_WAIT_MS: '1500',
      SPORTMONKS_MAX_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  processes.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    if (url !== undefined) return url;
  }
  throw new Error('the fetcher process ended before listening');
}

interface Walker {
  url: string;
  cursor: string | null;
  pages: number;
  finalStatus: number | null;
  retryAfter: string | null;
}

/** One page of the walker's fixture windows; a non-200 (the budget spent: 503) ends its walk. */
async function step(walker: Walker, from: string, to: string): Promise<void> {
  const query = new URLSearchParams({ from, to, ...(walker.cursor === null ? {} : { cursor: walker.cursor }) });
  const response = await fetch(`${walker.url}/fixtures?${query.toString()}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (response.status !== 200) {
    walker.finalStatus = response.status;
    walker.retryAfter = response.headers.get('retry-after');
    return;
  }
  const page = (await response.json()) as FetchPage<unknown>;
  walker.pages += 1;
  if (page.next === null) walker.finalStatus = 200;
  walker.cursor = page.next;
}

/**
 * The two fetchers take turns, one page each, until both say the budget is spent. Calls of the
 * two processes in flight at once can answer out of order, and each process reads only its own
 * answers: the shared reservoir may then end one call off either way (see the rate limiter's
 * notes). Taking turns keeps this test about the sharing itself, the same on every run.
 */
async function walkInTurns(urls: string[], from: string, to: string): Promise<Walker[]> {
  const walkers: Walker[] = urls.map((url) => ({ url, cursor: null, pages: 0, finalStatus: null, retryAfter: null }));
  while (walkers.some((w) => w.finalStatus === null)) {
    for (const walker of walkers) if (walker.finalStatus === null) await step(walker, from, to);
  }
  return walkers;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, budgetPerHour: BUDGET });
});

afterAll(async () => {
  for (const child of processes) child.kill('SIGTERM');
  await sim.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`b_${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('two fetcher processes with REDIS_URL', () => {
  it('share one budget: together exactly the hourly budget, no 429', async () => {
    const [a, b] = await Promise.all([startFetcher(), startFetcher()]);
    const days = sim.dataset().fixtures.map((f) => (f.starting_at as string).slice(0, 10)).sort();
    const from = days[0] ?? '';
    const to = days.at(-1) ?? '';

    const [first, second] = await walkInTurns([a, b], from, to);
    if (first === undefined || second === undefined) throw new Error('two walkers');

    const stats = sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.calls.Fixture).toBe(BUDGET);
    expect(first.pages + second.pages).toBe(BUDGET);
    expect(first.pages).toBeGreaterThan(0);
    expect(second.pages).toBeGreaterThan(0);
    for (const walk of [first, second]) {
      expect(walk.finalStatus).toBe(503);
      expect(Number(walk.retryAfter)).toBeGreaterThan(60);
    }
  });
});
