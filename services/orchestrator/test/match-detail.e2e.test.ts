// Match detail through the whole stack (simulator → fetcher → orchestrator → writer → MariaDB):
// reconciled on the synced data — goal events add up to every final score, the top_scorers view
// equals SportMonks' own goal ranking, 11 starters a side, possession 100 — and replaced exactly
// when upstream changes it (a goal VAR cancels disappears, nothing else moves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRunSummary } from '@insightxi/contracts';
import { startE2E, type E2E } from './support/e2e.ts';

const START = '2025-10-01T12:00:00Z';
const GOAL_TOP_SCORERS = 208;

let e2e: E2E;
let first: SyncRunSummary;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await e2e.sql.query<Record<string, unknown>[]>(sql, params);
  return result.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T);
}

async function sync(path: string): Promise<SyncRunSummary> {
  const started = await e2e.post(path);
  expect(started.status).toBe(202);
  return e2e.waitFor((started.body as { runId: number }).runId, 240_000);
}

function simulator() {
  const sim = e2e.stack.simulator;
  if (!sim) throw new Error('no simulator');
  return sim;
}

beforeAll(async () => {
  e2e = await startE2E('orch_detail', { simulator: { seed: 7, leagues: 2, seasonsPerLeague: 2, clock: { start: START, speed: 0 } } });
  first = await sync('/sync/all?seasons=all');
}, 300_000);

afterAll(async () => {
  await e2e.close();
});

describe('match detail synced from the simulator', () => {
  it('lands every kind, counted in the summary, nothing quarantined', () => {
    expect(first.status).toBe('succeeded');
    expect(first.counters.quarantined).toBe(0);
    for (const kind of ['events', 'lineups', 'statistics', 'referees', 'formations'] as const) {
      expect(first.detail?.rows[kind]?.created, kind).toBeGreaterThan(0);
    }
    expect(first.detail?.unavailable).toEqual([]);
  });

  it('goal events add up to the score of every finished fixture', async () => {
    const finished = await rows<{ n: number }>("SELECT COUNT(*) AS n FROM fixture_results WHERE state IN ('FT', 'AET', 'FT_PEN')");
    expect(finished[0]?.n).toBeGreaterThan(50);
    const mismatched = await rows<{ fixture_id: number }>(
      `SELECT r.fixture_id FROM fixture_results r
       LEFT JOIN (SELECT fixture_id, SUM(side = 'home') AS home, SUM(side = 'away') AS away FROM goals GROUP BY fixture_id) g ON g.fixture_id = r.fixture_id
       WHERE r.state IN ('FT', 'AET', 'FT_PEN') AND (COALESCE(g.home, 0) <> r.home_goals OR COALESCE(g.away, 0) <> r.away_goals)`,
    );
    expect(mismatched).toEqual([]);
  });

  it('the top_scorers view equals SportMonks’ goal ranking of every season', async () => {
    const truth = simulator().detail().topscorers.flatMap((list) =>
      list.rows.filter((row) => row.type_id === GOAL_TOP_SCORERS).map((row) => `${String(list.season_id)}|${String(row.player_id)}|${String(row.total)}`),
    );
    expect(truth.length).toBeGreaterThan(0);
    const ours = await rows<{ line: string }>("SELECT CONCAT_WS('|', season_id, player_id, SUM(goals)) AS line FROM top_scorers GROUP BY season_id, player_id");
    const ourLines = new Set(ours.map((r) => r.line));
    expect(truth.filter((line) => !ourLines.has(line))).toEqual([]);
  });

  it('11 starters a side wherever a lineup exists, and possession adds up to 100', async () => {
    const wrongXI = await rows<{ fixture_id: number; team_id: number; starters: number }>(
      'SELECT fixture_id, team_id, SUM(type_id = 11) AS starters FROM fixture_lineups GROUP BY fixture_id, team_id HAVING starters <> 11',
    );
    expect(wrongXI).toEqual([]);
    const possession = await rows<{ fixture_id: number; total: number }>(
      'SELECT fixture_id, SUM(possession) AS total FROM fixture_team_stats WHERE possession IS NOT NULL GROUP BY fixture_id HAVING total <> 100',
    );
    expect(possession).toEqual([]);
    const [withStats] = await rows<{ n: number }>('SELECT COUNT(DISTINCT fixture_id) AS n FROM fixture_team_stats');
    expect(withStats?.n).toBeGreaterThan(50);
  });

  it('an unchanged resync writes no detail row', async () => {
    const again = await sync('/sync/fixtures?seasons=all&force=true');
    expect(again.status).toBe('succeeded');
    const rowsByKind = Object.values(again.detail?.rows ?? {});
    expect(rowsByKind.length).toBeGreaterThan(0);
    for (const counts of rowsByKind) expect({ ...counts, unchanged: 0 }).toEqual({ created: 0, updated: 0, unchanged: 0, deleted: 0 });
  }, 300_000);

  it('a goal VAR cancels disappears from the events and from the score, nothing duplicated', async () => {
    const sim = simulator();
    // Kick-offs move (delays, reschedules): step to just after the goal of the next planned
    // cancellation, and keep it only if the goal is then on the board and not yet cancelled.
    let upcoming: { fixture_id: number; scored_at: string; cancelled_at: string } | undefined;
    for (let attempt = 0; attempt < 10 && upcoming === undefined; attempt++) {
      const next = sim.detail().varCancellations.filter((c) => Date.parse(c.scored_at) > sim.now()).sort((a, b) => a.scored_at.localeCompare(b.scored_at))[0];
      if (next === undefined) break;
      sim.advanceClock(Date.parse(next.scored_at) + 30_000 - sim.now());
      const now = sim.now();
      upcoming = sim.detail().varCancellations.find((c) => c.fixture_id === next.fixture_id && Date.parse(c.scored_at) <= now && now < Date.parse(c.cancelled_at));
    }
    if (upcoming === undefined) throw new Error('the simulator plans no VAR cancellation after the start');
    const kickoff = sim.dataset().fixtures.find((f) => f.id === upcoming.fixture_id)?.starting_at;
    const day = typeof kickoff === 'string' ? kickoff.slice(0, 10) : upcoming.scored_at.slice(0, 10);
    const goalsOf = async () => {
      const [row] = await rows<{ events: number; score: number }>(
        'SELECT (SELECT COUNT(*) FROM goals WHERE fixture_id = ?) AS events, (SELECT home_goals + away_goals FROM fixtures WHERE id = ?) AS score',
        [upcoming.fixture_id, upcoming.fixture_id],
      );
      return row;
    };

    await sync(`/sync/fixtures?from=${day}&to=${day}`);
    const scored = await goalsOf();
    expect(scored?.events).toBe(scored?.score);

    sim.advanceClock(Date.parse(upcoming.cancelled_at) + 30_000 - sim.now());
    const after = await sync(`/sync/fixtures?from=${day}&to=${day}`);
    const cancelled = await goalsOf();
    expect(cancelled?.events).toBe(cancelled?.score);
    expect(cancelled?.events).toBe((scored?.events ?? 0) - 1);
    expect(after.detail?.rows.events?.deleted).toBeGreaterThanOrEqual(1);
    const duplicated = await rows<{ id: number }>('SELECT id FROM fixture_events GROUP BY id HAVING COUNT(*) > 1');
    expect(duplicated).toEqual([]);
  }, 300_000);
});
