// Competition structure as SportMonks shapes it: the Superliga's split into a Championship and a
// Relegation Round, the Premiership's second phase in two groups, the play-offs' two-legged
// ties, a cup's group stage and knockout rounds; tables per stage and group that follow from
// the fixtures (points carried into a split); and the quirks (rounds sorted as text, stages not
// in sort order, stages without dates until they are drawn).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_TYPES, type Dataset, type Simulator } from '../src/index.ts';
import { page, start } from './helpers.ts';

type Row = Record<string, unknown>;
interface Fixture {
  id: number;
  season_id: number;
  stage_id: number;
  round_id: number | null;
  group_id: number | null;
  aggregate_id: number | null;
  leg: string;
  state_id: number;
  participants: { id: number; meta: { location: string; winner: boolean | null } }[];
  scores: { description: string; score: { goals: number; participant: string } }[];
}
interface Stage {
  id: number;
  season_id: number;
  league_id: number;
  type_id: number;
  name: string;
  sort_order: number;
  finished: boolean;
  is_current: boolean;
  starting_at: string | null;
  ending_at: string | null;
}
interface Standing {
  participant_id: number;
  season_id: number;
  stage_id: number;
  group_id: number | null;
  position: number;
  points: number;
  details: { type_id: number; value: number }[];
}
interface Aggregate {
  id: number;
  stage_id: number;
  name: string;
  fixture_ids: number[];
  result: string | null;
  detail: string | null;
  winner_participant_id: number | null;
}

let sim: Simulator;
let ds: Dataset;
const FINAL = new Set([5, 7, 8]);

beforeAll(async () => {
  sim = await start();
  ds = sim.dataset();
});
afterAll(async () => {
  await sim.close();
});

const fixtures = (): Fixture[] => ds.fixtures as unknown as Fixture[];
const stagesOf = (seasonId: number): Stage[] =>
  (ds.stages as unknown as Stage[]).filter((s) => s.season_id === seasonId).sort((a, b) => a.sort_order - b.sort_order);
const seasonsOf = (leagueId: number, finished: boolean): number[] =>
  ds.seasons.filter((s) => s.league_id === leagueId && s.finished === finished).map((s) => s.id as number);
const roundNames = (stageId: number): string[] =>
  ds.rounds
    .filter((r) => r.stage_id === stageId)
    .map((r) => r.name as string)
    .sort((a, b) => Number(a) - Number(b));
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const side = (f: Fixture, location: string): number => f.participants.find((p) => p.meta.location === location)?.id ?? 0;
const score = (f: Fixture, description: string, location: string): number =>
  f.scores.find((s) => s.description === description && s.score.participant === location)?.score.goals ?? 0;

interface Rec {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  gf: number;
  ga: number;
  points: number;
}
const empty = (): Rec => ({ played: 0, won: 0, drawn: 0, lost: 0, gf: 0, ga: 0, points: 0 });

/** A table computed here from the served fixtures: 3/1/0, only FT/AET/FT_PEN counted. */
function tableOf(list: Fixture[], start = new Map<number, Rec>()): Map<number, Rec> {
  const table = new Map([...start].map(([id, r]) => [id, { ...r }]));
  for (const f of list.filter((x) => FINAL.has(x.state_id))) {
    for (const [me, mine, theirs] of [
      [side(f, 'home'), score(f, 'CURRENT', 'home'), score(f, 'CURRENT', 'away')],
      [side(f, 'away'), score(f, 'CURRENT', 'away'), score(f, 'CURRENT', 'home')],
    ] as const) {
      const row = table.get(me) ?? empty();
      row.played++;
      row.gf += mine;
      row.ga += theirs;
      if (mine > theirs) {
        row.won++;
        row.points += 3;
      } else if (mine === theirs) {
        row.drawn++;
        row.points++;
      } else row.lost++;
      table.set(me, row);
    }
  }
  return table;
}

const order = (table: Map<number, Rec>): number[] =>
  [...table].sort(([a, x], [b, y]) => y.points - x.points || y.gf - y.ga - (x.gf - x.ga) || y.gf - x.gf || a - b).map(([id]) => id);

describe('271 Superliga: a regular season, then a Championship and a Relegation Round, then a play-off final', () => {
  it('plays 22 rounds, then 10 rounds in each half of six, the top six of the final table in the Championship Round', () => {
    const seasons = seasonsOf(271, true);
    expect(seasons).toHaveLength(2);
    for (const seasonId of seasons) {
      const stages = stagesOf(seasonId);
      expect(stages.map((s) => [s.name, s.type_id, s.sort_order])).toEqual([
        ['Regular Season', 223, 1],
        ['Relegation Round', 223, 2],
        ['Championship Round', 223, 3],
        ['Conference League Play-offs - Final', 225, 4],
      ]);
      const [regular, relegation, championship] = stages as [Stage, Stage, Stage, Stage];
      expect(roundNames(regular.id)).toEqual(range(1, 22));
      expect(roundNames(championship.id)).toEqual(range(23, 32));
      expect(roundNames(relegation.id)).toEqual(range(23, 32));
      const of = (stage: Stage): Fixture[] => fixtures().filter((f) => f.stage_id === stage.id);
      expect(of(regular)).toHaveLength(132);
      expect(of(championship)).toHaveLength(30);
      expect(of(relegation)).toHaveLength(30);
      const final = order(tableOf(of(regular)));
      const teams = (stage: Stage): number[] => [...new Set(of(stage).flatMap((f) => f.participants.map((p) => p.id)))].sort((a, b) => a - b);
      expect(teams(championship)).toEqual(final.slice(0, 6).sort((a, b) => a - b));
      expect(teams(relegation)).toEqual(final.slice(6).sort((a, b) => a - b));
      expect(stages.every((s) => s.finished)).toBe(true);
      expect(stages.filter((s) => s.is_current).map((s) => s.name)).toEqual(['Conference League Play-offs - Final']);
      expect(regular.ending_at && championship.starting_at && regular.ending_at < championship.starting_at).toBe(true);
    }
  });

  it('plays the Conference League play-off final between the Championship Round’s fourth and the Relegation Round’s first', () => {
    for (const seasonId of seasonsOf(271, true)) {
      const [, relegation, championship, playOff] = stagesOf(seasonId) as [Stage, Stage, Stage, Stage];
      const table = (stage: Stage): number[] =>
        (ds.standings as unknown as Standing[])
          .filter((r) => r.stage_id === stage.id)
          .sort((a, b) => a.position - b.position)
          .map((r) => r.participant_id);
      const finals = fixtures().filter((f) => f.stage_id === playOff.id);
      expect(finals.map((f) => [f.leg, f.round_id, f.aggregate_id, side(f, 'home'), side(f, 'away')])).toEqual([
        ['1/1', null, null, table(championship)[3], table(relegation)[0]],
      ]);
      expect((ds.standings as unknown as Standing[]).some((r) => r.stage_id === playOff.id)).toBe(false);
    }
  });

  it('carries the regular season’s points into both split tables', () => {
    const seasonId = seasonsOf(271, true)[0] ?? 0;
    const [regular, , championship] = stagesOf(seasonId) as [Stage, Stage, Stage];
    const rows = (ds.standings as unknown as Standing[]).filter((r) => r.stage_id === championship.id);
    const regularRows = new Map((ds.standings as unknown as Standing[]).filter((r) => r.stage_id === regular.id).map((r) => [r.participant_id, r]));
    const splitOnly = tableOf(fixtures().filter((f) => f.stage_id === championship.id));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const played = row.details.find((d) => d.type_id === DETAIL_TYPES.played)?.value;
      expect(played).toBe(32);
      expect(row.points).toBe((regularRows.get(row.participant_id)?.points ?? -99) + (splitOnly.get(row.participant_id)?.points ?? -99));
    }
  });

  it('keeps the split stages of the current season waiting: no rounds, no fixtures, no dates yet', async () => {
    const current = seasonsOf(271, false)[0] ?? 0;
    const stages = stagesOf(current);
    const waiting = stages.filter((s) => s.name !== 'Regular Season');
    expect(waiting.map((s) => [s.starting_at, s.ending_at, s.is_current])).toEqual([
      [null, null, false],
      [null, null, false],
      [null, null, false],
    ]);
    expect(waiting.every((s) => roundNames(s.id).length === 0)).toBe(true);
    expect(stages.find((s) => s.name === 'Regular Season')?.is_current).toBe(true);
    const served = (await page(sim, `/v3/football/stages/seasons/${current}`)).data as unknown as Stage[];
    expect(served.map((s) => s.sort_order)).toEqual([4, 3, 2, 1]);
    expect([...served].sort((a, b) => a.sort_order - b.sort_order).map((s) => s.name)).toEqual([
      'Regular Season',
      'Relegation Round',
      'Championship Round',
      'Conference League Play-offs - Final',
    ]);
  });
});

describe('501 Premiership: 33 rounds, then a second phase in two groups', () => {
  it('splits the final table of the first phase into a Championship and a Relegation Group of six, five rounds each', () => {
    for (const seasonId of seasonsOf(501, true)) {
      const [first, second] = stagesOf(seasonId) as [Stage, Stage];
      expect([first.name, second.name]).toEqual(['1st Phase', '2nd Phase']);
      expect(roundNames(first.id)).toEqual(range(1, 33));
      expect(roundNames(second.id)).toEqual(range(34, 38));
      const firstFixtures = fixtures().filter((f) => f.stage_id === first.id);
      expect(firstFixtures).toHaveLength(198);
      const groups = ds.groups.filter((g) => g.stage_id === second.id);
      expect(groups.map((g) => g.name)).toEqual(['Championship Group', 'Relegation Group']);
      const final = order(tableOf(firstFixtures));
      for (const [i, group] of groups.entries()) {
        const own = fixtures().filter((f) => f.group_id === group.id);
        expect(own).toHaveLength(15);
        expect(own.every((f) => f.stage_id === second.id && f.round_id !== null)).toBe(true);
        const teams = [...new Set(own.flatMap((f) => f.participants.map((p) => p.id)))].sort((a, b) => a - b);
        expect(teams).toEqual(final.slice(6 * i, 6 * i + 6).sort((a, b) => a - b));
      }
      const grouped = (ds.standings as unknown as Standing[]).filter((r) => r.stage_id === second.id);
      expect(grouped).toHaveLength(12);
      expect(new Set(grouped.map((r) => r.group_id))).toEqual(new Set(groups.map((g) => g.id)));
    }
  });
});

describe('knockout ties over two legs (513, 1659 and the cup)', () => {
  const aggregates = (): Aggregate[] => ds.aggregates as unknown as Aggregate[];

  it('builds the play-offs: 513 a quarter-final, semi-final and final; 1659 two semi-finals and a final', () => {
    for (const [league, shape] of [
      [513, [['Quarter-finals', 1], ['Semi-finals', 1], ['Final', 1]]],
      [1659, [['Semi-finals', 2], ['Final', 1]]],
    ] as const) {
      for (const seasonId of seasonsOf(league, true)) {
        const stages = stagesOf(seasonId);
        expect(stages.map((s) => [s.name, aggregates().filter((a) => a.stage_id === s.id).length])).toEqual(shape);
        expect(stages.every((s) => s.type_id === 224)).toBe(true);
        expect(ds.rounds.filter((r) => r.season_id === seasonId)).toEqual([]);
      }
    }
  });

  it('gives each tie two legs (1/2 at the first team’s home, 2/2 at the other’s) without a round', () => {
    expect(aggregates().length).toBeGreaterThan(10);
    const byId = new Map(fixtures().map((f) => [f.id, f]));
    for (const tie of aggregates()) {
      const legs = tie.fixture_ids.map((id) => byId.get(id));
      expect(legs.map((l) => [l?.aggregate_id, l?.leg, l?.round_id, l?.stage_id])).toEqual([
        [tie.id, '1/2', null, tie.stage_id],
        [tie.id, '2/2', null, tie.stage_id],
      ]);
      const [first, second] = legs as [Fixture, Fixture];
      expect(side(second, 'home')).toBe(side(first, 'away'));
    }
  });

  it('sums the legs into the aggregate, first-leg home team first, and names the team that went through', () => {
    const byId = new Map(fixtures().map((f) => [f.id, f]));
    const decided = aggregates().filter((a) => a.result !== null);
    expect(decided.length).toBeGreaterThan(10);
    const details = new Set<string>();
    for (const tie of decided) {
      const [first, second] = tie.fixture_ids.map((id) => byId.get(id)) as [Fixture, Fixture];
      const a = score(first, 'CURRENT', 'home') + score(second, 'CURRENT', 'away');
      const b = score(first, 'CURRENT', 'away') + score(second, 'CURRENT', 'home');
      expect(tie.result).toBe(`${String(a)}-${String(b)}`);
      const [teamA, teamB] = [side(first, 'home'), side(first, 'away')];
      let winner = a > b ? teamA : teamB;
      if (a === b) {
        expect(second.state_id).toBe(8);
        winner = score(second, 'PENALTY_SHOOTOUT', 'home') > score(second, 'PENALTY_SHOOTOUT', 'away') ? side(second, 'home') : side(second, 'away');
      }
      expect(tie.winner_participant_id).toBe(winner);
      expect(tie.detail).toBe({ 5: 'After Full Time', 7: 'After Extra Time', 8: 'After Penalties' }[second.state_id]);
      details.add(tie.detail ?? '');
      if (second.state_id !== 5) {
        expect(second.participants.find((p) => p.id === winner)?.meta.winner).toBe(true);
        expect(score(second, 'EXTRA_TIME', 'home')).toBe(score(second, 'CURRENT', 'home'));
      }
    }
    expect(details.has('After Full Time')).toBe(true);
    expect(details.has('After Extra Time') || details.has('After Penalties')).toBe(true);
  });

  it('plays the cup: groups A–D of four over six rounds, group winners and runners-up into two-legged quarter-finals, a single final', () => {
    for (const seasonId of seasonsOf(1999, true)) {
      const [groupStage, qf, sf, final] = stagesOf(seasonId) as [Stage, Stage, Stage, Stage];
      expect([groupStage, qf, sf, final].map((s) => [s.name, s.type_id])).toEqual([
        ['Group Stage', 223],
        ['Quarter-finals', 224],
        ['Semi-finals', 224],
        ['Final', 224],
      ]);
      expect(roundNames(groupStage.id)).toEqual(range(1, 6));
      const groups = ds.groups.filter((g) => g.stage_id === groupStage.id);
      expect(groups.map((g) => g.name)).toEqual(['Group A', 'Group B', 'Group C', 'Group D']);
      const qualified = new Set<number>();
      for (const group of groups) {
        const own = fixtures().filter((f) => f.group_id === group.id);
        expect(own).toHaveLength(12);
        qualified.add(order(tableOf(own))[0] ?? 0).add(order(tableOf(own))[1] ?? 0);
      }
      const qfTeams = fixtures()
        .filter((f) => f.stage_id === qf.id)
        .flatMap((f) => f.participants.map((p) => p.id));
      expect(new Set(qfTeams)).toEqual(qualified);
      expect(aggregates().filter((a) => a.stage_id === qf.id)).toHaveLength(4);
      expect(aggregates().filter((a) => a.stage_id === sf.id)).toHaveLength(2);
      const finals = fixtures().filter((f) => f.stage_id === final.id);
      expect(finals.map((f) => [f.leg, f.aggregate_id, f.round_id])).toEqual([['1/1', null, null]]);
      expect(finals[0]?.participants.filter((p) => p.meta.winner === true)).toHaveLength(1);
    }
  });
});

describe('standings per stage and group', () => {
  it('equal, for every table of every season, the table computed from the fixtures (points carried into a split)', () => {
    const rows = ds.standings as unknown as Standing[];
    const tables = new Map<string, Standing[]>();
    for (const row of rows) {
      const key = `${String(row.stage_id)}/${String(row.group_id)}`;
      tables.set(key, [...(tables.get(key) ?? []), row]);
    }
    // 271: 3 + 3 + 1, 501: 3 + 3 + 1 (groups), four plain leagues: 12, the cup: 3 × 4 groups.
    expect(tables.size).toBe(38);
    for (const table of tables.values()) {
      const { season_id: seasonId, stage_id: stageId, group_id: groupId } = table[0] as Standing;
      const stage = stagesOf(seasonId).find((s) => s.id === stageId) as Stage;
      expect(stage.type_id).toBe(223);
      // Earlier table stages of the season carry their records into this one.
      const before = stagesOf(seasonId).filter((s) => s.type_id === 223 && s.sort_order < stage.sort_order);
      const carried = tableOf(fixtures().filter((f) => before.some((s) => s.id === f.stage_id)));
      const own = fixtures().filter((f) => f.stage_id === stageId && (groupId === null || f.group_id === groupId));
      const teams = new Set(table.map((r) => r.participant_id));
      const expected = tableOf(own, new Map([...carried].filter(([id]) => teams.has(id))));
      expect(table.map((r) => r.position)).toEqual(table.map((_, i) => i + 1));
      expect(table.map((r) => r.participant_id)).toEqual(order(new Map([...teams].map((id) => [id, expected.get(id) ?? empty()]))));
      for (const row of table) {
        const want = expected.get(row.participant_id) ?? empty();
        const detail = (type: number): number | undefined => row.details.find((d) => d.type_id === type)?.value;
        expect([row.points, detail(DETAIL_TYPES.played), detail(DETAIL_TYPES.won), detail(DETAIL_TYPES.drawn), detail(DETAIL_TYPES.lost), detail(DETAIL_TYPES.goalsFor), detail(DETAIL_TYPES.goalsAgainst)]).toEqual([
          want.points,
          want.played,
          want.won,
          want.drawn,
          want.lost,
          want.gf,
          want.ga,
        ]);
      }
    }
  });

  it('serve a table after a round of a split stage, and only the current stages’ tables as the live table', async () => {
    const seasonId = seasonsOf(501, true)[0] ?? 0;
    const second = stagesOf(seasonId)[1] as Stage;
    const round = ds.rounds.find((r) => r.stage_id === second.id && r.name === '34');
    const after = (await page(sim, `/v3/football/standings/rounds/${String(round?.id)}?include=group`)).data as unknown as (Standing & { group: Row })[];
    expect(after).toHaveLength(12);
    expect(after.every((r) => r.stage_id === second.id && r.group.id === r.group_id)).toBe(true);
    const live = (await page(sim, '/v3/football/standings/live/leagues/501')).data as unknown as Standing[];
    const current = stagesOf(seasonsOf(501, false)[0] ?? 0).find((s) => s.is_current);
    expect(new Set(live.map((r) => r.stage_id))).toEqual(new Set([current?.id]));
  });
});

describe('as SportMonks serves it', () => {
  it('sorts a season’s rounds as text', async () => {
    const seasonId = seasonsOf(271, true)[0] ?? 0;
    const rounds = (await page(sim, `/v3/football/rounds/seasons/${seasonId}`)).data as unknown as { name: string; stage_id: number }[];
    expect(rounds).toHaveLength(42);
    expect(rounds.slice(0, 4).map((r) => r.name)).toEqual(['1', '10', '11', '12']);
    expect(rounds.map((r) => r.name)).toEqual(rounds.map((r) => r.name).sort());
  });

  it('nests stages → rounds → fixtures, loose knockout fixtures, aggregates and groups in the season schedule, every fixture once', async () => {
    for (const seasonId of [seasonsOf(271, true)[0], seasonsOf(1999, true)[0], seasonsOf(1999, false)[0]] as number[]) {
      const stages = (await page(sim, `/v3/football/schedules/seasons/${seasonId}`)).data as unknown as (Stage & {
        rounds: { fixtures: Fixture[] }[];
        fixtures: Fixture[];
        aggregates: Aggregate[];
        groups: Row[];
      })[];
      expect(stages.map((s) => s.id).sort()).toEqual(stagesOf(seasonId).map((s) => s.id).sort());
      const served = stages.flatMap((s) => [...s.rounds.flatMap((r) => r.fixtures), ...s.fixtures]).map((f) => f.id);
      expect(served.sort()).toEqual(fixtures().filter((f) => f.season_id === seasonId).map((f) => f.id).sort());
      expect(stages.flatMap((s) => s.aggregates.map((a) => a.id)).sort()).toEqual(ds.aggregates.filter((a) => a.season_id === seasonId).map((a) => a.id).sort());
      expect(stages.flatMap((s) => s.groups.map((g) => g.id)).sort()).toEqual(ds.groups.filter((g) => g.season_id === seasonId).map((g) => g.id).sort());
    }
  });

  it('filters fixtures by stage', async () => {
    const seasonId = seasonsOf(271, true)[0] ?? 0;
    const championship = stagesOf(seasonId)[2] as Stage;
    const served = (await page(sim, `/v3/football/fixtures?filters=fixtureStages:${championship.id}&per_page=50`)).data as unknown as Fixture[];
    expect(served.map((f) => f.id).sort()).toEqual(fixtures().filter((f) => f.stage_id === championship.id).map((f) => f.id).sort());
  });

  it('serves the aggregate, group, stage and round of a fixture as includes, and a stage’s groups and aggregates', async () => {
    const leg = fixtures().find((f) => f.aggregate_id !== null) as Fixture;
    const got = (await page(sim, `/v3/football/fixtures/${leg.id}?include=aggregate;stage;round;group`)).data as unknown as Row;
    expect(got).toMatchObject({ aggregate: { id: leg.aggregate_id }, stage: { id: leg.stage_id }, round: null, group: null });
    const grouped = fixtures().find((f) => f.group_id !== null) as Fixture;
    const inGroup = (await page(sim, `/v3/football/fixtures/${grouped.id}?include=group`)).data as unknown as Row;
    expect(inGroup).toMatchObject({ group: { id: grouped.group_id, stage_id: grouped.stage_id } });
    const stage = (await page(sim, `/v3/football/stages/${grouped.stage_id}?include=groups;aggregates`)).data as unknown as Row;
    expect((stage.groups as Row[]).map((g) => g.id)).toContain(grouped.group_id);
    expect(stage.aggregates).toEqual([]);
  });
});
