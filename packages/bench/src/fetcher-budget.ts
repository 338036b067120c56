// Budget utilisation: with the simulator's budget at N calls per (fast) hour and more work than
// that, how much of each window the fetcher spends before pausing — calls made / N per window,
// side by side with the ideal 1.0 — and that no page failed and no 429 was served.
//   pnpm --filter @insightxi/bench run bench:fetcher:budget   (BENCH_BUDGET, BENCH_WINDOWS, BENCH_HOUR_MS, BENCH_WALKERS)
import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimitsResponse } from '@insightxi/contracts';
import { startSimulator } from '@insightxi/sportmonks-sim';
import { reportBench } from './bench-result.ts';
import { INTERNAL_TOKEN, benchFetcher, ratio, walkScope, type WalkTotals } from './fetcher-support.ts';

const N = Number(process.env.BENCH_BUDGET ?? 60);
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 3);
const HOUR_MS = Number(process.env.BENCH_HOUR_MS ?? 3_000);
const WALKERS = Number(process.env.BENCH_WALKERS ?? 4);
const SPEED = 3_600_000 / HOUR_MS;

const sim = await startSimulator({ port: 0, seed: 42, budgetPerHour: N, clock: { speed: SPEED } });
const app = await benchFetcher(sim, SPEED);
const days = sim
  .dataset()
  .fixtures.map((f) => (f.starting_at as string).slice(0, 10))
  .sort();
const scope = { from: days[0] ?? '', to: days.at(-1) ?? '' };

// Count the Fixture budget's pauses: a window ends when the fetcher pauses at `remaining: 0`.
// The first window is warm-up (cold caches may let the simulator's hour pass before it is
// spent); the measured ones start with the probe after a reset and end at the next pause.
const windowCalls: number[] = [];
let paused = false;
let done = false;
const watcher = (async () => {
  while (windowCalls.length < WINDOWS + 1) {
    const response = await app.inject({ url: '/rate-limits', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    const fixture = response.json<RateLimitsResponse>().entities.find((e) => e.entity === 'Fixture');
    const nowPaused = fixture?.pausedUntil != null;
    if (nowPaused && !paused) windowCalls.push(sim.stats().calls.Fixture ?? 0);
    paused = nowPaused;
    await sleep(5);
  }
  done = true;
})();

const started = performance.now();
const walks: WalkTotals[] = await Promise.all(
  Array.from({ length: WALKERS }, async () => {
    const total: WalkTotals = { pages: 0, records: 0, rejected: 0, calls: 0, failedPages: 0 };
    while (!done && total.failedPages === 0) {
      const walk = await walkScope(app, 'fixtures', scope, () => done);
      for (const key of Object.keys(total) as (keyof WalkTotals)[]) total[key] += walk[key];
    }
    return total;
  }),
);
await watcher;
const elapsed = performance.now() - started;

const perWindow = windowCalls.slice(1).map((calls, i) => calls - (windowCalls[i] ?? 0));
const utilisation = perWindow.map((calls) => calls / N);
const overall = ((windowCalls.at(-1) ?? 0) - (windowCalls[0] ?? 0)) / (N * WINDOWS);
const failed = walks.reduce((sum, w) => sum + w.failedPages, 0);
const stats = sim.stats();

console.log(`fetcher budget utilisation: budget N=${String(N)} calls per simulated hour (${String(HOUR_MS)} ms real), ${String(WALKERS)} concurrent walkers, ${String(WINDOWS)} windows in ${(elapsed / 1000).toFixed(1)} s`);
console.log(`  warm-up window:          ${String(windowCalls[0] ?? 0)} calls (not measured)`);
console.log(`  calls per window:        ${perWindow.join(', ')}`);
console.log(`  calls in window / N:     ${utilisation.map(ratio).join(', ')}   (ideal 1.000, goal >= 0.95)`);
console.log(`  overall:                 ${ratio(overall)}`);
console.log(`  failed pages: ${String(failed)}, 429s served by the simulator: ${String(stats.rateLimited)}`);

await app.close();
await sim.close();
const ok = utilisation.every((u) => u >= 0.95 && u <= 1) && failed === 0 && stats.rateLimited === 0;
const measured = (windowCalls.at(-1) ?? 0) - (windowCalls[0] ?? 0);
// The worst window is the figure: every window must come within 5 % of the budget.
reportBench({ bench: 'fetcher-budget-utilisation', ours: measured, reference: N * WINDOWS, ratio: Math.min(...utilisation), goal: '>= 0.95', pass: ok, unit: 'calls' });
process.exitCode = ok ? 0 : 1;
