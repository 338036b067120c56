// League tables from the fixtures: 3/1/0 points, ordered by points, goal difference, goals
// scored, then team id (SportMonks applies head-to-head rules we don't model).
import type { FixtureRec, RoundRec, SeasonRec } from './model.ts';
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
  roundId: number;
  position: number;
  result: 'up' | 'down' | 'equal';
  record: StandingRecord;
}

function emptyRecord(): StandingRecord {
  return { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0, points: 0 };
}

function table(season: SeasonRec, fixtures: FixtureRec[]): Map<number, StandingRecord> {
  const records = new Map<number, StandingRecord>(season.teamIds.map((id) => [id, emptyRecord()]));
  for (const fixture of fixtures) {
    const home = records.get(fixture.homeId);
    const away = records.get(fixture.awayId);
    if (!home || !away) continue;
    const homeGoals = fixture.h1[0] + fixture.h2[0];
    const awayGoals = fixture.h1[1] + fixture.h2[1];
    for (const [rec, scored, conceded] of [
      [home, homeGoals, awayGoals],
      [away, awayGoals, homeGoals],
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
  return records;
}

function order(records: Map<number, StandingRecord>): number[] {
  return [...records.entries()]
    .sort(([idA, a], [idB, b]) =>
      b.points - a.points ||
      b.goalsFor - b.goalsAgainst - (a.goalsFor - a.goalsAgainst) ||
      b.goalsFor - a.goalsFor ||
      idA - idB,
    )
    .map(([id]) => id);
}

/** The table of the season, or as it stood after `upToRound` (its fixtures and earlier rounds'). */
export function computeStandings(season: SeasonRec, upToRound?: RoundRec): StandingRow[] {
  const limit = upToRound ? season.rounds.indexOf(upToRound) : season.rounds.length;
  const counted = season.fixtures.filter((f) => !f.deleted && FINAL_STANDING.has(f.stateId) && season.rounds.indexOf(f.round) <= limit);
  const lastRoundIndex = Math.max(-1, ...counted.map((f) => season.rounds.indexOf(f.round)));
  const lastRound = season.rounds[Math.max(0, lastRoundIndex)];
  const now = table(season, counted);
  const before = order(table(season, counted.filter((f) => f.round !== lastRound)));
  return order(now).map((teamId, i) => {
    const previous = before.indexOf(teamId);
    const result = lastRoundIndex < 0 || previous === i ? 'equal' : previous > i ? 'up' : 'down';
    return {
      id: season.id * 100 + season.teamIds.indexOf(teamId),
      teamId,
      season,
      roundId: lastRound?.id ?? 0,
      position: i + 1,
      result,
      record: now.get(teamId) ?? emptyRecord(),
    };
  });
}
