// The whole stack on real ports: simulator → fetcher → orchestrator → writer → MariaDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRunSummary } from '@insightxi/contracts';
import { actualPeopleRows, actualRows, expectedPeopleRows, expectedRows, startE2E, type E2E } from './support/e2e.ts';

let e2e: E2E;

/** SportMonks' standing detail types: overall played, won, drawn, lost, scored, conceded. */
const OVERALL = [129, 130, 131, 132, 133, 134];
const detail = (standing: Record<string, unknown>, type: number): unknown =>
  (standing.details as { type_id: number; value: unknown }[] | undefined)?.find((d) => d.type_id === type)?.value;
let firstRun: SyncRunSummary;
/** Players only match detail named (youth call-ups on a bench): fetched by id, counted as created. */
let fetchedById = 0;

beforeAll(async () => {
  e2e = await startE2E('orch_sync', { simulator: { seed: 7, leagues: 2, seasonsPerLeague: 2, clock: { start: '2026-03-01T12:00:00Z', speed: 0 } } });
}, 120_000);

afterAll(async () => {
  await e2e.close();
});

describe('sync/all against the simulator', () => {
  it('two identical POSTs: one 202, one 409 naming the active run', async () => {
    const [a, b] = await Promise.all([e2e.post('/sync/all?seasons=all'), e2e.post('/sync/all?seasons=all')]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const accepted = (a.status === 202 ? a : b).body as { runId: number; links: { self: string } };
    const conflict = (a.status === 409 ? a : b).body as { activeRunId: number };
    expect(conflict.activeRunId).toBe(accepted.runId);
    expect((a.status === 202 ? a : b).location).toBe(`/sync/runs/${accepted.runId}`);
    firstRun = await e2e.waitFor(accepted.runId);
    expect(firstRun.status).toBe('succeeded');
  }, 180_000);

  it('lands exactly the simulator dataset, table by table', async () => {
    const dataset = e2e.stack.simulator?.dataset();
    if (!dataset) throw new Error('no simulator');
    const expected = expectedRows(dataset);
    const actual = await actualRows(e2e.sql);
    for (const table of Object.keys(expected)) {
      expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
    }
    const [quarantine] = await e2e.sql.query<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM quarantine');
    expect(Number(quarantine?.n)).toBe(firstRun.counters.quarantined);
    // Besides these: each season's squads and top-scorer lists (their players, like those the fixture calls describe in
    // their lineups and referee assignments, are counted as nested records), and any referee or player fetched on his own.
    const [people] = await e2e.sql.query<{ referees: bigint; byId: bigint }[]>(
      `SELECT (SELECT COUNT(*) FROM referees WHERE id NOT IN (SELECT referee_id FROM fixture_referees)) AS referees,
              (SELECT COUNT(*) FROM players WHERE id NOT IN (SELECT player_id FROM squads) AND id NOT IN (SELECT player_id FROM topscorers)
                 AND id NOT IN (SELECT player_id FROM fixture_lineups)) AS byId`,
    );
    fetchedById = Number(people?.byId);
    let total = Object.values(actual).reduce((sum, rows) => sum + rows.length, 0) + Number(people?.referees) + 2 * dataset.seasons.length + fetchedById;
    // Groups and ties land with the schedules too, and are counted, where the comparison above leaves them out.
    for (const table of ['stage_groups', 'aggregates'].filter((t) => !(t in actual))) {
      const [rows] = await e2e.sql.query<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
      total += Number(rows?.n);
    }
    expect(firstRun.counters.created).toBe(total);
    expect(firstRun.counters.fetched).toBe(firstRun.counters.created + firstRun.counters.unchanged + firstRun.counters.updated);
  });

  it('lands the people exactly: squads per season and team, rankings, referees, the players they name with trimmed names', async () => {
    const detail = e2e.stack.simulator?.detail();
    if (!detail) throw new Error('no simulator');
    const expected = expectedPeopleRows(detail);
    const actual = await actualPeopleRows(e2e.sql);
    for (const table of Object.keys(expected)) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
    // The simulator gives one player per league a trailing space; stored, it has none.
    expect(detail.players.some((p) => p.name !== p.name.trim())).toBe(true);
    const [untrimmed] = await e2e.sql.query<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM players WHERE name <> TRIM(name) OR display_name <> TRIM(display_name)');
    expect(Number(untrimmed?.n)).toBe(0);
    // Squads change between seasons: some player's team differs from one season to the next.
    const [moved] = await e2e.sql.query<{ n: bigint }[]>(
      'SELECT COUNT(DISTINCT a.player_id) AS n FROM squads a JOIN squads b ON b.player_id = a.player_id AND b.season_id <> a.season_id AND b.team_id <> a.team_id',
    );
    expect(Number(moved?.n)).toBeGreaterThan(0);
    // Rankings without SportMonks ids (the 2023 shape) landed as well as those with.
    const ids = await e2e.sql.query<{ without: bigint; with: bigint }[]>('SELECT SUM(source_id IS NULL) AS `without`, SUM(source_id IS NOT NULL) AS `with` FROM topscorers');
    expect(Number(ids[0]?.without)).toBeGreaterThan(0);
    expect(Number(ids[0]?.with)).toBeGreaterThan(0);
  });

  // With the test above (every player named, with nationality and date of birth as the simulator has them): full rows.
  it('every player and referee the match detail names is stored in full (no stub left), without a call of his own', async () => {
    // The simulator's youth call-ups are in no squad: their lineups describe them (lineups.player), so none is fetched by id.
    expect(fetchedById).toBe(0);
    expect(e2e.stack.simulator?.stats().calls.Player ?? 0).toBe(0);
    const [left] = await e2e.sql.query<{ players: bigint; referees: bigint }[]>('SELECT (SELECT COUNT(*) FROM players WHERE stub) AS players, (SELECT COUNT(*) FROM referees WHERE stub) AS referees');
    expect(left).toEqual({ players: 0n, referees: 0n });
    const [named] = await e2e.sql.query<{ n: bigint; full: bigint }[]>(
      `SELECT COUNT(*) AS n, SUM(NOT p.stub AND p.sport_id = 1 AND p.name <> '') AS full FROM (
         SELECT player_id AS id FROM fixture_lineups UNION SELECT player_id FROM fixture_events UNION SELECT related_player_id FROM fixture_events
       ) x JOIN players p ON p.id = x.id`,
    );
    expect(Number(named?.n)).toBeGreaterThan(0);
    expect(Number(named?.full)).toBe(Number(named?.n));
    const [unknownReferees] = await e2e.sql.query<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM fixture_referees fr JOIN referees r ON r.id = fr.referee_id WHERE r.stub');
    expect(Number(unknownReferees?.n)).toBe(0);
  });

  it('spends one SportMonks call per team and season on squads, and a season\'s rankings in as few pages as they fill', async () => {
    const detail = e2e.stack.simulator?.detail();
    if (!detail) throw new Error('no simulator');
    // The floor for squads (issue 16): one call per team and season; +1 is the look-up of the seasons.
    const squads = (await e2e.post('/sync/squads?seasons=all&force=true&wait=true')).body as SyncRunSummary;
    expect(squads.status).toBe('succeeded');
    expect(squads.counters.upstreamCalls).toBe(detail.squads.length + 1);
    const rankings = (await e2e.post('/sync/topscorers?seasons=all&force=true&wait=true')).body as SyncRunSummary;
    expect(rankings.counters.upstreamCalls).toBe(detail.topscorers.reduce((sum, t) => sum + Math.max(1, Math.ceil(t.rows.length / 50)), 0) + 1);
    expect(rankings.counters).toMatchObject({ created: 0, updated: 0, unchanged: detail.topscorers.length });
  }, 180_000);

  it('the league_table view equals the simulator standings row by row for every finished stage and group', async () => {
    const dataset = e2e.stack.simulator?.dataset();
    if (!dataset) throw new Error('no simulator');
    const finished = new Set(dataset.stages.filter((s) => s.finished === true).map((s) => s.id as number));
    expect(finished.size).toBeGreaterThan(0);
    const expected = dataset.standings
      .filter((s) => finished.has(s.stage_id as number))
      .map((s) => [s.season_id, s.stage_id, s.group_id ?? '', s.position, s.participant_id, s.points, ...OVERALL.map((type) => detail(s, type))].join('|'))
      .sort();
    const rows = await e2e.sql.query<{ l: string }[]>(
      `SELECT CONCAT_WS('|', season_id, stage_id, IFNULL(group_id, ''), position, team_id, points, played, won, drawn, lost, goals_for, goals_against) AS l
         FROM league_table WHERE stage_id IN (${[...finished].join(',')})`,
    );
    expect(rows.map((r) => r.l).sort()).toEqual(expected);
  });

  it('a second sync of unchanged data creates and updates nothing', async () => {
    // force=true re-reads the finished seasons too: every record comes back unchanged.
    const again = await e2e.post('/sync/all?seasons=all&force=true&wait=true');
    expect(again.status).toBe(200);
    const summary = again.body as SyncRunSummary;
    expect(summary.status).toBe('succeeded');
    // The players fetched by id are no stubs any more: nothing to fetch by id.
    const fetched = firstRun.counters.fetched - fetchedById;
    expect(summary.counters).toMatchObject({ created: 0, updated: 0, fetched, unchanged: fetched });
    expect(summary.steps?.skipped).toBe(0);
    const list = await e2e.get<{ items: SyncRunSummary[] }>('/sync/runs?entity=all&status=succeeded');
    expect(list.items.map((r) => r.runId)).toEqual([summary.runId, firstRun.runId]);
  }, 180_000);

  it('without force, leaves out the finished seasons read completely after they ended', async () => {
    const finished = await e2e.sql.query<{ id: number }[]>('SELECT id FROM seasons WHERE finished AND ending_at < CURRENT_DATE - INTERVAL 7 DAY');
    expect(finished.length).toBeGreaterThan(0);
    const notes = await e2e.sql.query<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM season_syncs');
    expect(Number(notes[0]?.n)).toBeGreaterThanOrEqual(finished.length * 6);
    const summary = (await e2e.post('/sync/all?seasons=all&wait=true')).body as SyncRunSummary;
    expect(summary.status).toBe('succeeded');
    // venues, teams, fixtures (their referees with them), squads, standings and top scorers of each frozen season
    expect(summary.steps?.skipped).toBe(finished.length * 6);
    expect(summary.counters).toMatchObject({ created: 0, updated: 0, quarantined: 0 });
    expect(summary.counters.fetched).toBeLessThan(firstRun.counters.fetched);
    expect(summary.counters.unchanged).toBe(summary.counters.fetched);
  }, 180_000);

  it('/sync/stages reads the structure the schedules brought (stages with their rounds, groups and ties) and finds it unchanged', async () => {
    const summary = (await e2e.post('/sync/stages?seasons=all&force=true&wait=true')).body as SyncRunSummary;
    expect(summary.status).toBe('succeeded');
    const [stored] = await e2e.sql.query<{ n: number | bigint }[]>(
      'SELECT (SELECT COUNT(*) FROM stages) + (SELECT COUNT(*) FROM rounds) + (SELECT COUNT(*) FROM stage_groups) + (SELECT COUNT(*) FROM aggregates) AS n',
    );
    expect(summary.counters).toMatchObject({ created: 0, updated: 0, quarantined: 0, fetched: Number(stored?.n), unchanged: Number(stored?.n) });
    // One call a season, none for its rounds, groups or ties.
    const [seasons] = await e2e.sql.query<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM seasons');
    expect(summary.counters.upstreamCalls).toBe(Number(seasons?.n) + 1);
  }, 180_000);

  it('incremental: after the clock moves, picks up the changed fixtures and rewrites nothing else', async () => {
    const sim = e2e.stack.simulator;
    if (!sim) throw new Error('no simulator');
    const before = new Map((await e2e.sql.query<{ id: number; u: string }[]>("SELECT id, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f') AS u FROM fixtures")).map((r) => [r.id, r.u]));
    const changed = sim.advanceClock(3 * 86_400_000);
    expect(changed.fixtureIds.length).toBeGreaterThan(0);
    const from = new Date(sim.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    // Up to ten days ahead: a fixture created in error for next week is deleted in these three days.
    const to = new Date(sim.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const res = await e2e.post(`/sync/fixtures?mode=incremental&from=${from}&to=${to}&wait=true`);
    expect(res.status).toBe(200);
    const summary = res.body as SyncRunSummary;
    expect(summary.status).toBe('succeeded');

    const dataset = sim.dataset();
    const actual = await actualRows(e2e.sql);
    expect(actual.fixtures).toEqual(expectedRows(dataset).fixtures);
    const after = await e2e.sql.query<{ id: number; u: string }[]>("SELECT id, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f') AS u FROM fixtures");
    const rewritten = after.filter((r) => before.get(r.id) !== r.u).map((r) => r.id);
    const changedSet = new Set(changed.fixtureIds);
    expect(rewritten.filter((id) => !changedSet.has(id))).toEqual([]);
    expect(summary.counters.updated).toBe(rewritten.length);
    expect(summary.counters.updated).toBeGreaterThan(0);
  }, 180_000);
});
