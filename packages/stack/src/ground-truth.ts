// The simulator's ground truth in the shape of our tables, and the same key fields read back
// from MySQL: one `|`-joined line per record, the SportMonks id first. End-to-end tests and the
// chaos suite compare the two to prove a sync landed exactly what SportMonks served.
import type { Pool } from 'mariadb';
import type { Dataset, DetailDataset } from '@insightxi/sportmonks-sim';

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

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * People as the simulator serves them, in our tables' shape: the squads of every season and team
 * (a squad row's id is a player's spell at a club, the same in several seasons),
 * SportMonks' rankings of every season, the referees of every league, and the players those
 * squads, rankings and the fixtures' lineups and events name (names trimmed; the ones only the
 * detail names are fetched by id, in full).
 */
export function expectedPeopleRows(detail: DetailDataset): Record<string, string[]> {
  const squadRows = detail.squads.flatMap((s) => s.rows.map((r): Row => ({ ...r, season_id: s.season_id, team_id: r.team_id ?? s.team_id })));
  const rankingRows = detail.topscorers.flatMap((t) => t.rows.map((r): Row => ({ ...r, season_id: t.season_id })));
  const detailRows = detail.fixtures.flatMap((f) => [...((f.lineups as Row[] | undefined) ?? []), ...((f.events as Row[] | undefined) ?? [])]);
  const named = new Set(
    [...squadRows, ...rankingRows, ...detailRows].flatMap((r) => [r.player_id, r.related_player_id]).filter((id): id is number => typeof id === 'number'),
  );
  return {
    players: detail.players.filter((p) => named.has(p.id)).map((p) => line(p.id, trimmed(p.name), p.nationality_id, p.date_of_birth)).sort(),
    referees: detail.referees.map((r) => line(r.id, trimmed(r.name))).sort(),
    squads: squadRows.map((r) => line(r.season_id, r.team_id, r.player_id, r.jersey_number, r.id)).sort(),
    topscorers: rankingRows.map((r) => line(r.season_id, r.type_id, r.position, r.player_id, r.participant_id ?? r.team_id, r.total ?? r.points)).sort(),
  };
}

const PEOPLE_QUERIES: Record<string, string> = {
  players: "SELECT CONCAT_WS('|', id, name, IFNULL(nationality_id, ''), IFNULL(DATE_FORMAT(date_of_birth, '%Y-%m-%d'), '')) AS l FROM players",
  referees: "SELECT CONCAT_WS('|', id, name) AS l FROM referees",
  squads: "SELECT CONCAT_WS('|', season_id, team_id, player_id, IFNULL(jersey_number, ''), IFNULL(source_id, '')) AS l FROM squads",
  topscorers: "SELECT CONCAT_WS('|', season_id, type_id, position, player_id, team_id, total) AS l FROM topscorers",
};

/** The people stored, in `expectedPeopleRows`' shape. */
export async function actualPeopleRows(sql: Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, query] of Object.entries(PEOPLE_QUERIES)) out[table] = (await sql.query<{ l: string }[]>(query)).map((r) => r.l).sort();
  return out;
}

type Detail = Record<string, unknown>;
const listOf = (fixture: Row, key: string): Detail[] => (Array.isArray(fixture[key]) ? (fixture[key] as Detail[]) : []);
const valueOf = (data: unknown): unknown => (typeof data === 'object' && data !== null ? (data as { value?: unknown }).value : null);

/**
 * Match detail as the fixture includes serve it now (`DetailDataset.fixtures`), in our child
 * tables' shape: events, lineups, statistics, officials and formations, SportMonks' id first.
 */
export function expectedDetailRows(detail: DetailDataset): Record<string, string[]> {
  const rows = (key: string, shape: (row: Detail, fixtureId: unknown) => string): string[] =>
    detail.fixtures.flatMap((f) => listOf(f, key).map((row) => shape(row, f.id))).sort();
  return {
    fixture_events: rows('events', (e, fixture) => line(e.id, fixture, e.participant_id, e.player_id, e.related_player_id, e.type_id, e.minute, e.extra_minute, e.result)),
    fixture_lineups: rows('lineups', (l, fixture) => line(l.id, fixture, l.team_id, l.player_id, l.type_id, l.jersey_number)),
    fixture_statistics: rows('statistics', (s, fixture) => line(s.id, fixture, s.participant_id, s.type_id, valueOf(s.data))),
    fixture_referees: rows('referees', (r, fixture) => line(r.id, fixture, r.referee_id, r.type_id)),
    fixture_formations: rows('formations', (f, fixture) => line(f.id, fixture, f.participant_id, f.formation)),
  };
}

/** Child rows of fixtures not tombstoned, like `DetailDataset.fixtures`. */
const ofLiveFixtures = (table: string, fields: string): string =>
  `SELECT CONCAT_WS('|', ${fields}) AS l FROM ${table} c JOIN fixtures f ON f.id = c.fixture_id WHERE f.deleted_at IS NULL`;

const DETAIL_QUERIES: Record<string, string> = {
  fixture_events: ofLiveFixtures(
    'fixture_events',
    "c.id, c.fixture_id, IFNULL(c.team_id, ''), IFNULL(c.player_id, ''), IFNULL(c.related_player_id, ''), c.type_id, IFNULL(c.minute, ''), IFNULL(c.extra_minute, ''), IFNULL(c.result, '')",
  ),
  fixture_lineups: ofLiveFixtures('fixture_lineups', "c.id, c.fixture_id, c.team_id, IFNULL(c.player_id, ''), c.type_id, IFNULL(c.jersey_number, '')"),
  fixture_statistics: ofLiveFixtures('fixture_statistics', "c.id, c.fixture_id, c.team_id, c.type_id, IFNULL(c.value, '')"),
  fixture_referees: ofLiveFixtures('fixture_referees', 'c.id, c.fixture_id, c.referee_id, c.type_id'),
  fixture_formations: ofLiveFixtures('fixture_formations', 'c.id, c.fixture_id, c.team_id, c.formation'),
};

/** The match detail stored, in `expectedDetailRows`' shape. */
export async function actualDetailRows(sql: Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, query] of Object.entries(DETAIL_QUERIES)) out[table] = (await sql.query<{ l: string }[]>(query)).map((r) => r.l).sort();
  return out;
}
