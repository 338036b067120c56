// Fetcher overhead: the same walk of every fixture through `between` windows (pages of 50),
// once through the fetcher (rate limiter, validation, normalization, cursor) and once straight
// at the simulator (HTTP GET and JSON.parse of each page), interleaved, best of a few rounds.
// The simulator answers after BENCH_UPSTREAM_MS (20 ms: SportMonks over the internet is never
// faster), so what is measured is what the fetcher adds to a call that takes time anyway: a fixed
// wait per call (bottleneck's local datastore added about 10 ms) shows, the JSON work both sides
// share does not drown it. Goal: the fetcher's walk at least 0.8× as fast (reference / ours).
//   pnpm --filter @insightxi/bench run bench:fetcher:overhead   (BENCH_ROUNDS, BENCH_UPSTREAM_MS)
import { dateWindows } from '@insightxi/contracts';
import { startSimulator } from '@insightxi/sportmonks-sim';
import { request } from 'undici';
import { reportBench } from './bench-result.ts';
import { benchFetcher, ratio, walkScope } from './fetcher-support.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const UPSTREAM_MS = Number(process.env.BENCH_UPSTREAM_MS ?? 20);

// A budget nobody reaches: this row is about the per-call cost, not about waiting for a reset.
const sim = await startSimulator({
  port: 0,
  seed: 42,
  budgetPerHour: 1_000_000,
  clock: { speed: 0 },
  faults: { latency: { rate: 1, minMs: UPSTREAM_MS, maxMs: UPSTREAM_MS } },
});
const app = await benchFetcher(sim, null);
const days = sim
  .dataset()
  .fixtures.map((f) => (f.starting_at as string).slice(0, 10))
  .sort();
const from = days[0] ?? '';
const to = days.at(-1) ?? '';

interface SimPage {
  data?: unknown[];
  pagination?: { has_more: boolean; next_page: string | null };
}

/** The walk without the fetcher: each window's pages by `next_page`, parsed and counted. */
async function straightWalk(): Promise<{ pages: number; records: number }> {
  let pages = 0;
  let records = 0;
  for (const window of dateWindows(from, to)) {
    let url: string | null = `${sim.url}/v3/football/fixtures/between/${window.from}/${window.to}?include=participants;scores&per_page=50`;
    while (url !== null) {
      const response = await request(url, { headers: { authorization: 'demo', accept: 'application/json' } });
      const page = JSON.parse(await response.body.text()) as SimPage;
      pages += 1;
      records += page.data?.length ?? 0;
      url = page.pagination?.has_more === true ? page.pagination.next_page : null;
    }
  }
  return { pages, records };
}

async function timed<T>(walk: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await walk();
  return { ms: performance.now() - started, result };
}

// A warm-up of each side: the simulator builds and caches its pages on first use.
const warm = await straightWalk();
await walkScope(app, 'fixtures', { from, to });

const ours: number[] = [];
const reference: number[] = [];
let complete = true;
for (let round = 0; round < ROUNDS; round++) {
  const fetcher = await timed(() => walkScope(app, 'fixtures', { from, to }));
  const straight = await timed(straightWalk);
  ours.push(fetcher.ms);
  reference.push(straight.ms);
  if (fetcher.result.failedPages > 0 || fetcher.result.records !== warm.records || fetcher.result.pages !== straight.result.pages) complete = false;
}
await app.close();
await sim.close();

const best = (values: number[]) => Math.min(...values);
const calls = warm.pages;
console.log(`fetcher overhead: a walk of ${String(warm.records)} fixtures in ${String(calls)} pages, the simulator answering in ${String(UPSTREAM_MS)} ms, best of ${String(ROUNDS)} interleaved rounds`);
console.log(`  through the fetcher: ${best(ours).toFixed(1)} ms (${(best(ours) / calls).toFixed(2)} ms a page)   rounds: ${ours.map((ms) => ms.toFixed(0)).join(', ')}`);
console.log(`  straight at the simulator: ${best(reference).toFixed(1)} ms (${(best(reference) / calls).toFixed(2)} ms a page)   rounds: ${reference.map((ms) => ms.toFixed(0)).join(', ')}`);
console.log(`  speed of the fetcher's walk relative to the straight one: ${ratio(best(reference) / best(ours))} (goal >= 0.8)`);
if (!complete) console.log('  the fetcher walk did not return every page and record the straight walk did');

const speed = best(reference) / best(ours);
reportBench({ bench: 'fetcher-walk-vs-straight', ours: best(ours), reference: best(reference), ratio: speed, goal: '>= 0.8', pass: complete && speed >= 0.8, unit: 'ms' });
process.exitCode = complete ? 0 : 1;
