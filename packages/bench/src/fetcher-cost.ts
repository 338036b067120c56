// Budget cost: upstream calls per 1,000 fixtures for a full sync of the simulator's default
// dataset, the way the orchestrator plans it (every entity, per season), side by side with
// fetching the same fixtures through 100-day `between` windows (pages of 50).
//   pnpm --filter @insightxi/bench run bench:fetcher:cost
import { startSimulator } from '@insightxi/sportmonks-sim';
import { reportBench } from './bench-result.ts';
import { benchFetcher, ratio, walkScope, type WalkTotals } from './fetcher-support.ts';

const sim = await startSimulator({ port: 0, clock: { speed: 0 } });
const app = await benchFetcher(sim, null);
const truth = sim.dataset();
const seasons = truth.seasons.map((s) => s.id as number).join(',');
const days = truth.fixtures.map((f) => (f.starting_at as string).slice(0, 10)).sort();

const sync: [string, Record<string, string>][] = [
  ['types', {}],
  ['countries', {}],
  ['states', {}],
  ['leagues', {}],
  ['seasons', {}],
  ['venues', { seasons }],
  ['teams', { seasons }],
  ['fixtures', { seasons }],
  ['standings', { seasons }],
];
const results = new Map<string, WalkTotals>();
for (const [entity, query] of sync) results.set(entity, await walkScope(app, entity, query));
const windows = await walkScope(app, 'fixtures', { from: days[0] ?? '', to: days.at(-1) ?? '' });
// Venues and teams need no include: without a season scope they come 1000 a page (populate).
const bulkVenues = await walkScope(app, 'venues', {});
const bulkTeams = await walkScope(app, 'teams', {});

const fixtures = results.get('fixtures') ?? windows;
const all = [...results.values()].reduce((sum, r) => sum + r.calls, 0);
const failed = [...results.values(), windows, bulkVenues, bulkTeams].reduce((sum, r) => sum + r.failedPages, 0);
const per1000 = (calls: number): string => ((calls / fixtures.records) * 1000).toFixed(2);

console.log(`fetcher upstream cost, full sync of the default dataset (${String(truth.leagues.length)} leagues, ${String(truth.seasons.length)} seasons, ${String(fixtures.records)} fixtures)`);
for (const [entity, r] of results) console.log(`  ${entity.padEnd(10)} ${String(r.calls).padStart(4)} calls  ${String(r.records).padStart(5)} records  ${String(r.rejected)} rejected`);
console.log(`  fixtures via season schedules:   ${String(fixtures.calls)} calls = ${per1000(fixtures.calls)} calls per 1,000 fixtures`);
console.log(`  fixtures via between windows:    ${String(windows.calls)} calls = ${per1000(windows.calls)} calls per 1,000 fixtures (${String(windows.records)} fixtures)`);
console.log(`  schedules / windows:             ${ratio(fixtures.calls / windows.calls)}`);
console.log(`  whole sync:                      ${String(all)} calls = ${per1000(all)} calls per 1,000 fixtures`);
console.log(`  venues + teams per season:       ${String((results.get('venues')?.calls ?? 0) + (results.get('teams')?.calls ?? 0))} calls; as two bulk lists: ${String(bulkVenues.calls + bulkTeams.calls)} calls (${String(bulkVenues.records)} venues, ${String(bulkTeams.records)} teams)`);
console.log(`  failed pages: ${String(failed)}`);

await app.close();
await sim.close();
const complete = failed === 0 && fixtures.records === truth.fixtures.length;
const perThousand = (calls: number) => (calls / fixtures.records) * 1000;
reportBench({
  bench: 'fetcher-calls-per-1000-fixtures',
  ours: perThousand(fixtures.calls),
  reference: perThousand(windows.calls),
  ratio: fixtures.calls / windows.calls,
  goal: '<= 0.5',
  pass: complete && fixtures.calls / windows.calls <= 0.5,
  unit: 'calls',
});
process.exitCode = complete ? 0 : 1;
