// End-to-end sync speed, side by side on one stack (simulator unthrottled, real fetcher,
// writer and MariaDB):
//   1. a full `POST /sync/all?seasons=all&detail=false` vs the fetch-only walk of the same pages
//      (goal ≤ 1.3: writing overlaps fetching, so the sync costs little more than the reads; match
//      detail has its own rows in bench:writer:detail and bench:orchestrator:budget);
//   2. the second sync of unchanged data vs the first (goal: at least 3× faster).
// Usage: pnpm --filter @insightxi/bench bench:orchestrator:sync [-- --leagues 10 --seasons 4]
// The default set (10 leagues × 4 seasons, ~11,900 records) is big enough that a run's fixed
// costs (the run record, the season look-up, filling the pipeline: ~0.3 s) do not swamp the
// per-page cost being compared; 6 × 3 (4,517 records) gives about 0.15 more on the first ratio.
import { createTestDatabase } from '@insightxi/mysql';
import { startStack } from '@insightxi/stack';
import { benchArgs } from './bench-args.ts';
import { reportBench } from './bench-result.ts';
import { callJson, emptyTables, fetchOnlyWalk, ratio, timed, type Timed } from './orchestrator-support.ts';

const ROUNDS = 5;
const best = <T>(runs: Timed<T>[]): Timed<T> => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

interface Summary {
  status: string;
  counters: { pages: number; fetched: number; created: number; updated: number; unchanged: number };
  durationMs: number | null;
}

const { values } = benchArgs({ leagues: { type: 'string', default: '10' }, seasons: { type: 'string', default: '4' } });
const db = await createTestDatabase({ prefix: 'bench_orch_sync' });
const stack = await startStack({
  databaseUrl: db.url,
  logLevel: 'warn',
  simulator: { seed: 5, leagues: Number(values.leagues), seasonsPerLeague: Number(values.seasons), budgetPerHour: 1_000_000_000, clock: { start: '2026-03-01T12:00:00Z', speed: 0 } },
});

try {
  const fetcher = stack.url('sportmonks');
  const sync = async () => {
    const { status, body } = await callJson('POST', `${stack.url('orchestrator')}/sync/all?seasons=all&detail=false&wait=true`, stack.operatorToken);
    const summary = body as Summary;
    if (status !== 200 || summary.status !== 'succeeded') throw new Error(`sync answered ${String(status)}: ${JSON.stringify(body)}`);
    return summary;
  };
  // Warm the simulator's page cache and every process's code paths once (a walk and a sync), then
  // measure each side five times, interleaved, and keep the best of each: the machine is shared
  // and its load moves. Each first sync starts from empty tables.
  await fetchOnlyWalk(fetcher, stack.internalToken);
  await sync();
  const walks: Timed<number>[] = [];
  const firsts: Timed<Summary>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await emptyTables(db.url);
    walks.push(await timed(() => fetchOnlyWalk(fetcher, stack.internalToken)));
    firsts.push(await timed(sync));
  }
  const second = await timed(sync);
  const walkRun = best(walks);
  const walkMs = walkRun.ms;
  const first = best(firsts);
  console.log(`records: ${String(walkRun.value)} fetched per walk; first sync ${JSON.stringify(first.value.counters)}`);
  console.log(`fetch-only walk:        ${walkMs.toFixed(0)} ms (best of ${String(ROUNDS)}: ${walks.map((w) => w.ms.toFixed(0)).join(', ')})`);
  console.log(`first sync (all):       ${first.ms.toFixed(0)} ms (best of ${String(ROUNDS)}, each into empty tables: ${firsts.map((f) => f.ms.toFixed(0)).join(', ')})`);
  console.log(`second sync, unchanged: ${second.ms.toFixed(0)} ms (created ${String(second.value.counters.created)}, updated ${String(second.value.counters.updated)})`);
  console.log(`ratio sync/walk:        ${ratio(first.ms, walkMs)} (goal ≤ 1.3)`);
  console.log(`ratio first/second:     ${ratio(first.ms, second.ms)} (goal ≥ 3)`);
  reportBench({ bench: 'orchestrator-sync-vs-fetch-walk', ours: Math.round(first.ms), reference: Math.round(walkMs), ratio: Number((first.ms / walkMs).toFixed(3)), goal: '<= 1.3', unit: 'ms' });
  reportBench({ bench: 'orchestrator-first-vs-unchanged-sync', ours: Math.round(first.ms), reference: Math.round(second.ms), ratio: Number((first.ms / second.ms).toFixed(3)), goal: '>= 3', unit: 'ms' });
} finally {
  await stack.stop();
  await db.drop();
}
