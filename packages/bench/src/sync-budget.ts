// Budget of a full sync with match detail (issue 16): one `POST /sync/all?seasons=all` through
// the real stack (orchestrator → fetcher → simulator → writer → MariaDB), counting the calls the
// simulator charges per SportMonks entity, against the issue's floor
//   ceil(fixtures / 50)  fixtures with their detail includes (multi, 50 ids a call)
// + seasons              one schedule per season (structure and fixture ids)
// + teams × seasons      one squad call per team and season.
// Two rows:
// - what detail and players cost — the floor's kinds, plus any player or referee fetched by id
//   because the detail named him without describing him — against that floor (goal ≤ 1.15);
// - the whole sync against the floor extended by what the formula leaves out at the fewest calls
//   the endpoints allow: the dictionaries (types and countries 50 a page, states, leagues and
//   seasons one populate page each) and each season's standings, teams, venues and top-scorer
//   pages (goal ≤ 1.15: no call wasted). Its note gives the whole sync against the bare formula.
// Usage: pnpm --filter @insightxi/bench bench:orchestrator:budget [-- --leagues 4 --seasons 3]
import { createTestDatabase } from '@insightxi/mysql';
import { startStack } from '@insightxi/stack';
import { benchArgs } from './bench-args.ts';
import { reportBench } from './bench-result.ts';
import { callJson, timed } from './orchestrator-support.ts';

/**
 * SportMonks entities the simulator charges detail and players to: multi pages, schedules, squads,
 * and people by id (a whole sync with detail reads no player or referee list of its own).
 */
const FLOOR_ENTITIES = {
  Fixture: 'fixtures with detail (multi)',
  Stage: 'season schedules',
  PlayerStatistic: 'squads',
  Player: 'players by id',
  Referee: 'referees by id',
} as const;

const { values } = benchArgs({ leagues: { type: 'string', default: '4' }, seasons: { type: 'string', default: '3' } });
const db = await createTestDatabase({ prefix: 'bench_sync_budget' });
const stack = await startStack({
  databaseUrl: db.url,
  logLevel: 'warn',
  // The live poller would charge Fixture calls of its own while the sync runs.
  env: { LIVE_POLL_MS: '0' },
  simulator: { seed: 5, leagues: Number(values.leagues), seasonsPerLeague: Number(values.seasons), budgetPerHour: 1_000_000_000, clock: { start: '2026-03-01T12:00:00Z', speed: 0 } },
});

try {
  const sim = stack.simulator;
  if (!sim) throw new Error('the bench stack runs the simulator');
  const run = await timed(() => callJson('POST', `${stack.url('orchestrator')}/sync/all?seasons=all&wait=true`, stack.operatorToken));
  const summary = run.value.body as { status: string; counters: { fetched: number; upstreamCalls: number }; detail?: { rows: Record<string, { created: number }>; unavailable: string[] } };
  if (run.value.status !== 200 || summary.status !== 'succeeded') throw new Error(`sync answered ${String(run.value.status)}: ${JSON.stringify(summary)}`);

  const calls = sim.stats().calls;
  const truth = sim.dataset();
  const fixtures = truth.fixtures.length;
  const seasons = truth.seasons.length;
  const teamSeasons = sim.detail().squads.length;
  const floor = Math.ceil(fixtures / 50) + seasons + teamSeasons;
  const pages = (rows: number, perPage = 50) => Math.max(1, Math.ceil(rows / perPage));
  const rankingPages = sim.detail().topscorers.reduce((sum, ranking) => sum + pages(ranking.rows.length), 0);
  const dictionaries = pages(truth.types.length) + pages(truth.countries.length) + 3;
  const lists = 3 * seasons + rankingPages;
  const wholeFloor = floor + dictionaries + lists;
  const count = (entity: string) => calls[entity] ?? 0;
  const covered = Object.keys(FLOOR_ENTITIES).reduce((sum, entity) => sum + count(entity), 0);
  const all = Object.values(calls).reduce((sum, n) => sum + n, 0);
  const others = Object.entries(calls)
    .filter(([entity]) => !(entity in FLOOR_ENTITIES))
    .sort(([a], [b]) => a.localeCompare(b));
  const detailRows = Object.values(summary.detail?.rows ?? {}).reduce((sum, r) => sum + r.created, 0);

  console.log(`full sync with detail: ${String(Number(values.leagues))} leagues × ${String(Number(values.seasons))} seasons, ${String(fixtures)} fixtures, ${String(teamSeasons)} team-seasons, ${String(detailRows)} detail rows created, ${(run.ms / 1000).toFixed(1)} s`);
  console.log(`  floor: ceil(${String(fixtures)}/50) + ${String(seasons)} schedules + ${String(teamSeasons)} squads = ${String(floor)} calls`);
  for (const [entity, what] of Object.entries(FLOOR_ENTITIES)) console.log(`  ${what.padEnd(30)} ${String(count(entity)).padStart(5)} calls (${entity})`);
  console.log(`  detail and players:            ${String(covered)} = ${(covered / floor).toFixed(3)} × the floor (goal ≤ 1.15)`);
  console.log(`  not in the formula:            ${others.map(([entity, n]) => `${entity} ${String(n)}`).join(', ')}`);
  console.log(`  the formula leaves out:        dictionaries ${String(dictionaries)} pages, season lists ${String(lists)} (standings, teams, venues: ${String(seasons)} each; top-scorer pages ${String(rankingPages)})`);
  console.log(`  whole sync:                    ${String(all)} = ${(all / wholeFloor).toFixed(3)} × ${String(wholeFloor)} (the floor with them; goal ≤ 1.15), ${(all / floor).toFixed(3)} × the bare formula; the run counted ${String(summary.counters.upstreamCalls)} upstream calls`);
  if ((summary.detail?.unavailable.length ?? 0) > 0) console.log(`  detail unavailable on the plan: ${summary.detail?.unavailable.join(', ') ?? ''}`);

  // Without detail rows the fixture calls would be cheap schedule pages only: the rows would prove nothing.
  const withDetail = detailRows > 0;
  reportBench({
    bench: 'sync-detail-calls-vs-floor',
    ours: covered,
    reference: floor,
    ratio: Number((covered / floor).toFixed(3)),
    goal: '<= 1.15',
    pass: withDetail && covered / floor <= 1.15,
    unit: 'calls',
    note: Object.keys(FLOOR_ENTITIES)
      .map((entity) => `${entity} ${String(count(entity))}`)
      .join(', '),
  });
  reportBench({
    bench: 'sync-all-calls-vs-floor',
    ours: all,
    reference: wholeFloor,
    ratio: Number((all / wholeFloor).toFixed(3)),
    goal: '<= 1.15',
    pass: withDetail && all / wholeFloor <= 1.15,
    unit: 'calls',
    note: `floor ${String(floor)} + dictionaries ${String(dictionaries)} + season lists ${String(lists)}; ${(all / floor).toFixed(3)} x the bare formula; beyond detail: ${others.map(([entity, n]) => `${entity} ${String(n)}`).join(', ')}`,
  });
} finally {
  await stack.stop();
  await db.drop();
}
