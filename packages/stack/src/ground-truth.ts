// The simulator's ground truth in the shape of our tables, and the same key fields read back
// from MySQL: one `|`-joined line per record, the SportMonks id first. End-to-end tests and the
// chaos suite compare the two to prove a sync landed exactly what SportMonks served.
import type { Pool } from 'mariadb';
import type { Dataset } from '@insightxi/sportmonks-sim';

type Row = Record<string, unknown>;
interface Score {
  id: number;
  fixture_id: number;
  type_id: number;
  description: string;
  score: { goals: number; participant: string };
}

const participant = (fixture: Row, side: 'home' | 'away'): number | null => {
  const list = (fixture.participants ?? []) as { id: number; meta: { location: string } }[];
  return list.find((p) => p.meta.location === side)?.id ?? null;
};
const scoresOf = (fixture: Row): Score[] => (fixture.scores ?? []) as Score[];
const currentGoals = (fixture: Row, side: 'home' | 'away'): number | null =>
  scoresOf(fixture).find((s) => s.description === 'CURRENT' && s.score.participant === side)?.score.goals ?? null;

const line = (...values: unknown[]) => values.map((v) => (v === undefined || v === null ? '' : String(v as string | number | boolean))).join('|');

/** What our tables must hold for the simulator's ground truth, one sorted line of key fields per record. */
export function expectedRows(dataset: Dataset): Record<string, string[]> {
  const sorted = (rows: string[]) => rows.sort();
  return {
    types: sorted(dataset.types.map((t) => line(t.id, t.name))),
    countries: sorted(dataset.countries.map((c) => line(c.id, c.name))),
    stages: sorted(dataset.stages.map((s) => line(s.id, s.season_id, s.type_id, s.name))),
    rounds: sorted(dataset.rounds.map((r) => line(r.id, r.stage_id, r.name))),
    stage_groups: sorted(dataset.groups.map((g) => line(g.id, g.stage_id, g.name))),
    aggregates: sorted(dataset.aggregates.map((a) => line(a.id, a.stage_id, a.result, a.winner_participant_id))),
    fixture_states: sorted(dataset.states.map((s) => line(s.id, s.developer_name))),
    leagues: sorted(dataset.leagues.map((l) => line(l.id, l.name))),
    seasons: sorted(dataset.seasons.map((s) => line(s.id, s.league_id, s.name, s.is_current ? 1 : 0, s.finished ? 1 : 0))),
    venues: sorted(dataset.venues.map((v) => line(v.id, v.name, v.capacity))),
    teams: sorted(dataset.teams.map((t) => line(t.id, t.name, t.venue_id))),
    fixtures: sorted(
      dataset.fixtures.map((f) => {
        const placeholder = f.placeholder === true;
        return line(
          f.id,
          f.league_id,
          f.season_id,
          f.state_id,
          f.starting_at,
          placeholder ? null : participant(f, 'home'),
          placeholder ? null : participant(f, 'away'),
          currentGoals(f, 'home'),
          currentGoals(f, 'away'),
        );
      }),
    ),
    standings: sorted(dataset.standings.map((s) => line(s.id, s.season_id, s.participant_id, s.position, s.points))),
  };
}

/** The score rows of the ground truth (`fixture_scores`): id, fixture, type, side, goals. */
export function expectedScoreRows(dataset: Dataset): string[] {
  return dataset.fixtures.flatMap((f) => scoresOf(f).map((s) => line(s.id, s.fixture_id, s.type_id, s.score.participant, s.score.goals))).sort();
}

const QUERIES: Record<string, string> = {
  types: "SELECT CONCAT_WS('|', id, name) AS l FROM types",
  countries: "SELECT CONCAT_WS('|', id, name) AS l FROM countries",
  stages: "SELECT CONCAT_WS('|', id, season_id, IFNULL(type_id, ''), name) AS l FROM stages",
  rounds: "SELECT CONCAT_WS('|', id, stage_id, name) AS l FROM rounds",
  stage_groups: "SELECT CONCAT_WS('|', id, stage_id, name) AS l FROM stage_groups",
  aggregates: "SELECT CONCAT_WS('|', id, stage_id, IFNULL(result, ''), IFNULL(winner_team_id, '')) AS l FROM aggregates",
  fixture_states: "SELECT CONCAT_WS('|', id, developer_name) AS l FROM fixture_states",
  leagues: "SELECT CONCAT_WS('|', id, name) AS l FROM leagues",
  seasons: "SELECT CONCAT_WS('|', id, league_id, name, is_current, finished) AS l FROM seasons",
  venues: "SELECT CONCAT_WS('|', id, name, IFNULL(capacity, '')) AS l FROM venues",
  teams: "SELECT CONCAT_WS('|', id, name, IFNULL(venue_id, '')) AS l FROM teams",
  fixtures: `SELECT CONCAT_WS('|', id, league_id, season_id, state_id, DATE_FORMAT(starting_at, '%Y-%m-%d %H:%i:%s'),
               IFNULL(home_team_id, ''), IFNULL(away_team_id, ''), IFNULL(home_goals, ''), IFNULL(away_goals, '')) AS l
             FROM fixtures WHERE deleted_at IS NULL`,
  standings: "SELECT CONCAT_WS('|', id, season_id, team_id, position, points) AS l FROM standings",
};

/** The key fields of every stored record, in `expectedRows`' shape (tombstoned fixtures left out). */
export async function actualRows(sql: Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, query] of Object.entries(QUERIES)) {
    const rows = await sql.query<{ l: string }[]>(query);
    out[table] = rows.map((r) => r.l).sort();
  }
  return out;
}

/** The stored score rows of live fixtures, in `expectedScoreRows`' shape. */
export async function actualScoreRows(sql: Pool): Promise<string[]> {
  const rows = await sql.query<{ l: string }[]>(
    `SELECT CONCAT_WS('|', s.id, s.fixture_id, s.type_id, s.participant, s.goals) AS l
       FROM fixture_scores s JOIN fixtures f ON f.id = s.fixture_id WHERE f.deleted_at IS NULL`,
  );
  return rows.map((r) => r.l).sort();
}
