// The browser helpers, run in Node: what the pages compute before drawing.
import { describe, expect, it } from 'vitest';
import { list, notYet, rows, type QueryOutput } from '../src/components/data.ts';
import { seasonLinks } from '../src/components/chooser.ts';
import { leagueChoices, leagueOf, pickLeague, pickSeason, seasonChoices, seasonHref, seasonNames, withAll, withParams, type SeasonOption } from '../src/components/filters.ts';
import { fixtureLabel, formLetters, goalSeries, isFinished, meetings, minuteBand, pickFixture, resultColor, score, spreadLabels, venueSummary, type Fixture } from '../src/components/football.ts';
import { ageLabel, latestRuns, runCounts, timeDomain } from '../src/components/health.ts';
import { groupChoices, knockoutRounds, pickGroup, pickStage, stageChoices, type StageRow } from '../src/components/stages.ts';

describe('data', () => {
  const output: QueryOutput = { available: true, columns: ['id', 'at', 'name'], dates: ['at'], rows: [[1, '2026-11-23T12:00:00.000Z', 'a'], [2, null, 'b']] };

  it('turns rows into objects with dates as Date, leaving NULL dates alone', () => {
    expect(rows(output)).toEqual([
      { id: 1, at: new Date('2026-11-23T12:00:00.000Z'), name: 'a' },
      { id: 2, at: null, name: 'b' },
    ]);
    expect(rows({ available: false, absent: ['goals'], empty: [] })).toEqual([]);
  });

  it('says which tables are missing or empty, and nothing when the query ran', () => {
    expect(notYet(output, 'goals')).toBeNull();
    expect(notYet({ available: false, absent: ['goals'], empty: [] }, 'goal minutes')).toBe('No goal minutes yet: goals does not exist in this database.');
    expect(notYet({ available: false, absent: ['players', 'fixture_lineups.starting_xi'], empty: ['quarantine'] }, 'lineups', 'They arrive with match detail.')).toBe(
      'No lineups yet: players and fixture_lineups.starting_xi do not exist in this database and quarantine has no rows. They arrive with match detail.',
    );
    expect(notYet({ available: false, absent: [], empty: ['a', 'b'] }, 'x')).toBe('No x yet: a and b have no rows.');
  });

  it('lists names the way a sentence does', () => {
    expect([list([]), list(['a']), list(['a', 'b']), list(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('filters', () => {
  const seasons: SeasonOption[] = [
    { league_id: 271, league: 'Superliga', season_id: 3, season: '2026/2027', is_current: 1 },
    { league_id: 271, league: 'Superliga', season_id: 2, season: '2025/2026', is_current: 0 },
    { league_id: 8, league: 'Premier League', season_id: 5, season: '2025/2026', is_current: 0 },
    { league_id: 8, league: 'Premier League', season_id: 4, season: '2024/2025', is_current: 0 },
  ];
  const params = (search: string) => new URLSearchParams(search);

  it('offers leagues alphabetically and a league\'s seasons newest first', () => {
    expect([...leagueChoices(seasons)]).toEqual([['Premier League', 8], ['Superliga', 271]]);
    expect([...seasonChoices(seasons, 271)]).toEqual([['2026/2027', 3], ['2025/2026', 2]]);
    expect([...withAll(leagueChoices(seasons), 'All leagues')][0]).toEqual(['All leagues', null]);
    expect(seasonNames(seasons, null)).toEqual(['2026/2027', '2025/2026', '2024/2025']);
    expect(seasonNames(seasons, 8)).toEqual(['2025/2026', '2024/2025']);
  });

  it('takes the league and season from the address when they exist, else the first league and its current or newest season', () => {
    expect(pickLeague(seasons, params('?league=271'))).toBe(271);
    expect(pickLeague(seasons, params('?league=999'))).toBe(8);
    expect(pickLeague(seasons, params('?league=abc'))).toBe(8);
    expect(pickLeague([], params(''))).toBeNull();
    expect(pickSeason(seasons, 271, params('?season=2'))).toBe(2);
    expect(pickSeason(seasons, 271, params('?season=5'))).toBe(3);
    expect(pickSeason(seasons, 8, params(''))).toBe(5);
    expect(pickSeason(seasons, null, params(''))).toBeNull();
  });

  it('writes the choices back into the query string', () => {
    expect(withParams('?league=8&x=1', { league: 271, season: 3 })).toBe('?league=271&x=1&season=3');
    expect(withParams('?team=5', { team: null })).toBe('?');
    expect(withParams('', { season: '2025/2026' })).toBe('?season=2025%2F2026');
  });

  it('links a season page to its neighbours, keeping the other choices but not the league and season', () => {
    expect(seasonHref(5, '?league=8&season=4&team=12')).toBe('./5?team=12');
    expect(seasonHref(3, '')).toBe('./3');
    expect(leagueOf(seasons, 4)).toBe(8);
    expect(leagueOf(seasons, 99)).toBeNull();
  });

  it('lists a league\'s seasons on the landing page as links to their pages, the current one marked', () => {
    expect(seasonLinks(seasons, 271, '?league=271&team=7')).toEqual([
      { season: '2026/2027', href: './3?team=7', current: true },
      { season: '2025/2026', href: './2?team=7', current: false },
    ]);
    expect(seasonLinks(seasons, null, '')).toEqual([]);
  });
});

describe('stages', () => {
  const row = (stage_id: number, stage: string, stage_order: number, group_id: number | null, group_name: string | null, played: number): StageRow => ({ stage_id, stage, stage_order, group_id, group_name, played });
  // Listed out of order on purpose: the stage order decides, not the rows'.
  const rows: StageRow[] = [
    row(30, 'Championship Round', 2, null, null, 0),
    row(10, 'Regular Season', 1, null, null, 22),
    row(40, 'Relegation Round', 2, null, null, 0),
    row(50, 'Group Stage', 0, 502, 'Group B', 6),
    row(50, 'Group Stage', 0, 501, 'Group A', 6),
  ];

  it('offers the stages in their order and the groups of a stage by name', () => {
    expect([...stageChoices(rows)]).toEqual([['Group Stage', 50], ['Regular Season', 10], ['Championship Round', 30], ['Relegation Round', 40]]);
    expect([...groupChoices(rows, 50)]).toEqual([['Group A', 501], ['Group B', 502]]);
    expect([...groupChoices(rows, 10)]).toEqual([['All', null]]);
  });

  it('picks the stage in the address, else the latest one with a match played; the group in the address, else the first', () => {
    expect(pickStage(rows, 30)).toBe(30);
    expect(pickStage(rows, 99)).toBe(10);
    expect(pickStage([row(30, 'Championship Round', 2, null, null, 0)], null)).toBe(30);
    expect(pickStage([], null)).toBeNull();
    expect(pickGroup(rows, 50, 502)).toBe(502);
    expect(pickGroup(rows, 50, 999)).toBe(501);
    expect(pickGroup(rows, 10, null)).toBeNull();
  });

  it('lays the knock-out ties out stage by stage, in stage order', () => {
    const tie = (stage_id: number, stage: string, stage_order: number, a: number) => ({ stage_id, stage, stage_order, team_a_id: a, team_b_id: a + 1 });
    const rounds = knockoutRounds([tie(7, 'Final', 3, 1), tie(5, 'Quarter-finals', 1, 1), tie(6, 'Semi-finals', 2, 1), tie(5, 'Quarter-finals', 1, 3)]);
    expect(rounds.map((r) => [r.stage, r.ties.length])).toEqual([['Quarter-finals', 2], ['Semi-finals', 1], ['Final', 1]]);
  });
});

describe('football', () => {
  const at = (day: string) => new Date(`${day}T15:00:00Z`);
  const fixture = (id: number, day: string, home: number | null, away: number | null, goals: [number, number] | null, state = 'FT'): Fixture => ({
    fixture_id: id,
    starting_at: at(day),
    home_team_id: home,
    away_team_id: away,
    home_goals: goals?.[0] ?? null,
    away_goals: goals?.[1] ?? null,
    state,
  });
  const fixtures = [
    fixture(1, '2025-08-01', 10, 20, [2, 1]),
    fixture(2, '2025-09-01', 20, 10, [0, 0], 'AET'),
    fixture(3, '2025-10-01', 10, 30, [1, 3]),
    fixture(4, '2025-11-01', 10, 20, null, 'NS'),
  ];

  it('colours results and splits a form string', () => {
    expect([resultColor('W'), resultColor('D'), resultColor('L'), resultColor('?')]).toEqual(['#2e8540', '#9aa0a6', '#c0392b', '#d0d4d8']);
    expect(formLetters('WDL')).toEqual(['W', 'D', 'L']);
    expect(formLetters(null)).toEqual([]);
  });

  it('labels fixtures and scores, a dash before kick-off', () => {
    const names = new Map([[10, 'FC København'], [20, 'Brøndby IF']]);
    const name = (id: number | null) => (id === null ? '?' : (names.get(id) ?? String(id)));
    expect(fixtureLabel(fixtures[0] as Fixture, name)).toBe('2025-08-01  FC København 2–1 Brøndby IF');
    expect(fixtureLabel(fixtures[3] as Fixture, name)).toBe('2025-11-01  FC København – Brøndby IF');
    expect(score(null, 1)).toBe('–');
    expect([isFinished({ state: 'FT_PEN' }), isFinished({ state: 'POSTPONED' })]).toEqual([true, false]);
  });

  it('picks the asked fixture, else the latest finished one, else the first', () => {
    expect(pickFixture(fixtures, 2)).toBe(2);
    expect(pickFixture(fixtures, 99)).toBe(3);
    expect(pickFixture([fixtures[3] as Fixture], null)).toBe(4);
    expect(pickFixture([], null)).toBeNull();
  });

  it('finds the other meetings of the same two teams either way round, latest first, finished only', () => {
    expect(meetings(fixtures, fixtures[0] as Fixture).map((f) => f.fixture_id)).toEqual([2]);
    expect(meetings(fixtures, fixtures[2] as Fixture)).toEqual([]);
  });

  it('names minute bands', () => {
    expect([minuteBand(1), minuteBand(76), minuteBand(91)]).toEqual(['1–15', '76–90', '90+']);
  });

  it('sums a team\'s home and away record', () => {
    const matches = [
      { venue: 'home', goals_for: 2, goals_against: 1, result: 'W' },
      { venue: 'home', goals_for: 1, goals_against: 1, result: 'D' },
      { venue: 'home', goals_for: 0, goals_against: 3, result: 'L' },
      { venue: 'away', goals_for: 1, goals_against: 0, result: 'W' },
    ];
    expect(venueSummary(matches)).toEqual([
      { venue: 'home', played: 3, won: 1, drawn: 1, lost: 1, points_per_match: 1.33, goals_for_per_match: 1, goals_against_per_match: 1.67 },
      { venue: 'away', played: 1, won: 1, drawn: 0, lost: 0, points_per_match: 3, goals_for_per_match: 1, goals_against_per_match: 0 },
    ]);
    expect(venueSummary([])[1]).toMatchObject({ played: 0, points_per_match: 0 });
    expect(goalSeries([{ goals_for: 2, goals_against: 1 }])).toEqual([
      { goals_for: 2, goals_against: 1, series: 'goals for', goals: 2, match: 1 },
      { goals_for: 2, goals_against: 1, series: 'goals against', goals: 1, match: 1 },
    ]);
  });

  it('spreads labels that would overlap, keeping the given order among equals', () => {
    const placed = spreadLabels([{ key: 'a', value: 40 }, { key: 'b', value: 37 }, { key: 'c', value: 37 }, { key: 'd', value: 20 }], 1.5);
    expect([...placed]).toEqual([['a', 40], ['b', 37], ['c', 35.5], ['d', 20]]);
  });
});

describe('health', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('says how long ago, in words', () => {
    expect([null, undefined].map((at) => ageLabel(at, now))).toEqual(['never', 'never']);
    expect([ago(-5), ago(0), ago(5), ago(150), ago(60 * 50)].map((at) => ageLabel(at, now))).toEqual(['in the future', 'just now', '5 min ago', '3 h ago', '2 days ago']);
  });

  it('splits runs into their outcomes and lists the latest first', () => {
    const run = (id: number, minutes: number) => ({ id, entity: 'fixtures', mode: 'incremental', started_at: ago(minutes), created: 1, updated: 2, unchanged: 3, quarantined: 4 });
    expect(runCounts([run(7, 0)]).map((c) => [c.kind, c.records])).toEqual([['created', 1], ['updated', 2], ['unchanged', 3], ['quarantined', 4]]);
    expect(latestRuns([run(1, 30), run(2, 10), run(3, 20)], 2).map((r) => r.label)).toEqual(['#2 fixtures incremental', '#3 fixtures incremental']);
  });

  it('gives a time axis some width around runs seconds apart, and pads a long one by a tenth', () => {
    const [start, end] = timeDomain([ago(0), ago(0.5)]);
    expect((end.getTime() - start.getTime()) / 60_000).toBeCloseTo(12, 5);
    const [s2, e2] = timeDomain([ago(100), ago(0)]);
    expect([(now.getTime() - e2.getTime()) / 60_000, (now.getTime() - s2.getTime()) / 60_000]).toEqual([-10, 110]);
    expect(timeDomain([]).map((d) => d.getTime())).toEqual([-360_000, 360_000]);
  });
});
