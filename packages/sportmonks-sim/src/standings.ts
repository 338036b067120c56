// League tables from the fixtures: one per table stage, or per group where the stage has groups.
// 3/1/0 points, ordered by points, goal difference, goals scored, then team id (SportMonks
// applies head-to-head rules we don't model). A stage that carries points over (a split) starts
// from each team's final record in the stage before it.
import type { FixtureRec, GroupRec, RoundRec, SeasonRec, StageRec } from './model.ts';
import { FINAL_STANDING } from './states.ts';

export interface StandingRecord {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  points: number;
}

export interface StandingRow {
  id: number;
  teamId: number;
  season: SeasonRec;
  stage: StageRec;
  group: GroupRec | null;
  roundId: number;
  position: number;
  result: 'up' | 'down' | 'equal';
  record: StandingRecord;
}

/** A played match as the table sees it. */
export interface Result {
  homeId: number;
  awayId: number;
  home: number;
  away: number;
}

/** One table of a season: a table stage, or one group of it. `index` keeps standing ids apart. */
export interface Table {
  index: number;
  stage: StageRec;
  group: GroupRec | null;
  teamIds: number[];
}

const TABLE_STAGE_TYPE = 223;

function emptyRecord(): StandingRecord {
  return { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0, points: 0 };
}

export function records(teamIds: number[], results: Result[], start?: Map<number, StandingRecord>): Map<number, StandingRecord> {
  const table = new Map<number, StandingRecord>(teamIds.map((id) => [id, { ...(start?.get(id) ?? emptyRecord()) }]));
  for (const r of results) {
    const home = table.get(r.homeId);
    const away = table.get(r.awayId);
    if (!home || !away) continue;
    for (const [rec, scored, conceded] of [
      [home, r.home, r.away],
      [away, r.away, r.home],
    ] as const) {
      rec.played++;
      rec.goalsFor += scored;
      rec.goalsAgainst += conceded;
      if (scored > conceded) {
        rec.won++;
        rec.points += 3;
      } else if (scored === conceded) {
        rec.drawn++;
        rec.points += 1;
      } else rec.lost++;
    }
  }
  return table;
}

/** Team ids from first to last. */
export function rank(table: Map<number, StandingRecord>): number[] {
  return [...table.entries()]
    .sort(([idA, a], [idB, b]) => b.points - a.points || b.goalsFor - b.goalsAgainst - (a.goalsFor - a.goalsAgainst) || b.goalsFor - a.goalsFor || idA - idB)
    .map(([id]) => id);
}

/** The score of a fixture as played so far (extra time included). */
export function resultOf(f: FixtureRec): Result {
  return { homeId: f.homeId, awayId: f.awayId, home: f.h1[0] + f.h2[0] + f.et[0], away: f.h1[1] + f.h2[1] + f.et[1] };
}

const counts = (f: FixtureRec): boolean => !f.deleted && FINAL_STANDING.has(f.stateId);

/** Every team's record over a stage's counted fixtures, plus what it carried in. */
function stageRecords(stage: StageRec): Map<number, StandingRecord> {
  const carried = stage.carriesFrom ? stageRecords(stage.carriesFrom) : undefined;
  return records(stage.teamIds, stage.fixtures.filter(counts).map(resultOf), carried);
}

/** The season's tables in stage order: stages of type 223 that have been drawn, split by group. */
export function tablesOf(season: SeasonRec): Table[] {
  const tables: Table[] = [];
  const stages = [...season.stages].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const stage of stages) {
    if (stage.typeId !== TABLE_STAGE_TYPE || stage.fixtures.length === 0) continue;
    if (stage.groups.length === 0) tables.push({ index: tables.length, stage, group: null, teamIds: stage.teamIds });
    for (const group of stage.groups) tables.push({ index: tables.length, stage, group, teamIds: group.teamIds });
  }
  return tables;
}

function tableRows(season: SeasonRec, table: Table, upToRound?: RoundRec): StandingRow[] {
  const { stage, group } = table;
  const roundIndex = (f: FixtureRec): number => (f.round ? stage.rounds.indexOf(f.round) : -1);
  const limit = upToRound ? stage.rounds.indexOf(upToRound) : stage.rounds.length;
  const counted = stage.fixtures.filter((f) => counts(f) && (group === null || f.group === group) && roundIndex(f) <= limit);
  const lastRoundIndex = Math.max(-1, ...counted.map(roundIndex));
  const lastRound = stage.rounds[Math.max(0, lastRoundIndex)];
  const carried = stage.carriesFrom ? stageRecords(stage.carriesFrom) : undefined;
  const now = records(table.teamIds, counted.map(resultOf), carried);
  const before = rank(records(table.teamIds, counted.filter((f) => f.round !== lastRound).map(resultOf), carried));
  return rank(now).map((teamId, i) => {
    const previous = before.indexOf(teamId);
    return {
      id: (season.id * 10 + table.index) * 100 + season.teamIds.indexOf(teamId),
      teamId,
      season,
      stage,
      group,
      roundId: lastRound?.id ?? 0,
      position: i + 1,
      result: lastRoundIndex < 0 || previous === i ? 'equal' : previous > i ? 'up' : 'down',
      record: now.get(teamId) ?? emptyRecord(),
    };
  });
}

/** Every table of the season, or the tables of `upToRound`'s stage as they stood after that round. */
export function computeStandings(season: SeasonRec, upToRound?: RoundRec): StandingRow[] {
  const tables = tablesOf(season).filter((t) => !upToRound || t.stage === upToRound.stage);
  return tables.flatMap((table) => tableRows(season, table, upToRound));
}
