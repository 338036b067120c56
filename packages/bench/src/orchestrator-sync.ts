// End-to-end sync speed, side by side on one stack (simulator unthrottled, real fetcher,
// writer and MariaDB):
//   1. a full `POST /sync/all?seasons=all` vs the fetch-only walk of the same pages
//      (goal ≤ 1.3: writing overlaps fetching, so the sync costs little more than the reads);
//   2. the second sync of unchanged data vs the first (goal: at least 3× faster).
// Usage: pnpm --filter @insightxi/bench bench:orchestrator:sync [-- --leagues 6 --seasons 3]
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@insightxi/mysql';
import { startStack } from '@insightxi/stack';
import { reportBench } from './bench-result.ts';
import { callJson, emptyTables, fetchOnlyWalk, ratio, timed } from './orchestrator-support.ts';

interface Summary {
  status: string;
  counters: { pages: number; fetched: number; created: number; updated: number; unchanged: number };
  durationMs: number | null;
}

const { values } = parseArgs({ options: { leagues: { type: 'string', default: '6' }, seasons: { type: 'string', default: '3' } } });
const db = await createTestDatabase({ prefix: 'bench_orch_sync' });
const stack = await startStack({
  databaseUrl: db.url,
  logLevel: 'warn',
  simulator: { seed: 5, leagues: Number(values.leagues), seasonsPerLeague: Number(values.seasons), budgetPerHour: 1_000_000_000, clock: { start: '2026-03-01T12:00:00Z', speed: 0 } },
});

try {
  const fetcher = stack.url('sportmonks');
  const sync = async () => {
    const { status, body } = await callJson('POST', `${stack.url('orchestrator')}/sync/all?seasons=all&wait=true`, stack.operatorToken);
    const summary = body as Summary;
    if (status !== 200 || summary.status !== 'succeeded') throw new Error(`sync answered ${String(status)}: ${JSON.stringify(body)}`);
    return summary;
  };
  // Warm the simulator's page cache and both processes' code paths once, then measure each side
  // twice, interleaved, and keep the best of each: the machine is shared and its load moves.
  await fetchOnlyWalk(fetcher, stack.internalToken);
  const walkRun = await timed(() => fetchOnlyWalk(fetcher, stack.internalToken));
  const firstRun = await timed(sync);
  await emptyTables(db.url);
  const walkAgain = await timed(() => fetchOnlyWalk(fetcher, stack.internalToken));
  const firstAgain = await timed(sync);
  const second = await timed(sync);
  const walkMs = Math.min(walkRun.ms, walkAgain.ms);
  const first = firstRun.ms <= firstAgain.ms ? firstRun : firstAgain;

  console.log(`records: ${String(walkRun.value)} fetched per walk; first sync ${JSON.stringify(first.value.counters)}`);
  console.log(`fetch-only walk:        ${walkMs.toFixed(0)} ms (best of two)`);
  console.log(`first sync (all):       ${first.ms.toFixed(0)} ms (best of two, each into empty tables)`);
  console.log(`second sync, unchanged: ${second.ms.toFixed(0)} ms (created ${String(second.value.counters.created)}, updated ${String(second.value.counters.updated)})`);
  console.log(`ratio sync/walk:        ${ratio(first.ms, walkMs)} (goal ≤ 1.3)`);
  console.log(`ratio first/second:     ${ratio(first.ms, second.ms)} (goal ≥ 3)`);
  reportBench({ bench: 'orchestrator-sync-vs-fetch-walk', ours: Math.round(first.ms), reference: Math.round(walkMs), ratio: Number((first.ms / walkMs).toFixed(3)), goal: '<= 1.3', unit: 'ms' });
  reportBench({ bench: 'orchestrator-first-vs-unchanged-sync', ours: Math.round(first.ms), reference: Math.round(second.ms), ratio: Number((first.ms / second.ms).toFixed(3)), goal: '>= 3', unit: 'ms' });
} finally {
  await stack.stop();
  await db.drop();
}
