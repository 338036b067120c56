// The rows of the writer benchmark: parents, 10,000 fixtures with four scores each, and the same
// fixtures as plain column values for the raw INSERT.
import type { Country, Fixture, FixtureScore, FixtureState, League, Season, Team, TypeEntry } from '@insightxi/contracts';

const LEAGUE = 8;
const SEASONS = 10;
const TEAMS = 40;
const FT = 5;

type Value = string | number | boolean | Date | null;

/** The dictionaries the parents' and scores' foreign keys point at: the leagues' country, the score types, and `typeIds`. */
export function reference(typeIds: readonly number[] = []): { countries: Country[]; types: TypeEntry[] } {
  return {
    countries: [{ id: 462, continentId: 1, name: 'United Kingdom', officialName: null, fifaName: null, iso2: 'GB', iso3: 'GBR', latitude: null, longitude: null, imagePath: null }],
    types: [...new Set([1, 1525, ...typeIds])].map((id) => ({ id, name: `Type ${String(id)}`, code: null, developerName: `TYPE_${String(id)}`, modelType: null, statGroup: null })),
  };
}

export function parents(): { states: FixtureState[]; leagues: League[]; seasons: Season[]; teams: Team[] } {
  const flags = { isLive: false, isFinalState: true, isFinalStandingState: true, isCancelled: false, isCompleted: true, isDeleted: false, isNotStarted: false };
  return {
    states: [{ id: FT, state: 'FT', name: 'Full Time', shortName: 'FT', developerName: 'FT', ...flags }],
    leagues: [
      { id: LEAGUE, sportId: 1, countryId: 462, name: 'Premier League', active: true, shortCode: 'UK PL', imagePath: null, type: 'league', subType: 'domestic', category: 1, hasJerseys: false, lastPlayedAt: null },
    ],
    seasons: Array.from({ length: SEASONS }, (_, i) => ({
      id: 100 + i,
      sportId: 1,
      leagueId: LEAGUE,
      name: `${String(2015 + i)}/${String(2016 + i)}`,
      finished: true,
      pending: false,
      isCurrent: false,
      startingAt: `${String(2015 + i)}-08-01`,
      endingAt: `${String(2016 + i)}-05-31`,
      standingsRecalculatedAt: null,
    })),
    teams: Array.from({ length: TEAMS }, (_, i) => ({
      id: i + 1,
      sportId: 1,
      countryId: 462,
      venueId: null,
      gender: 'male',
      name: `Team ${String(i + 1)}`,
      shortCode: null,
      imagePath: null,
      founded: 1900,
      type: 'domestic',
      placeholder: false,
      lastPlayedAt: null,
    })),
  };
}

/** `variant` changes every score, so variant 1 after variant 0 updates every fixture. */
export function benchFixtures(count: number, variant: number): Fixture[] {
  return Array.from({ length: count }, (_, i) => {
    const id = 19_000_000 + i;
    const home = (i % TEAMS) + 1;
    const away = ((i + 7) % TEAMS) + 1;
    const goals = [(i + variant) % 4, (i * 3 + variant) % 3] as const;
    const half = [Math.min(goals[0], 1), Math.min(goals[1], 1)] as const;
    const score = (n: number, teamId: number, period: string, participant: 'home' | 'away', g: number): FixtureScore => ({
      id: id * 4 + n,
      fixtureId: id,
      teamId,
      typeId: period === 'CURRENT' ? 1525 : 1,
      period,
      participant,
      goals: g,
    });
    return {
      id,
      sportId: 1,
      leagueId: LEAGUE,
      seasonId: 100 + (i % SEASONS),
      // Stages and rounds are real foreign keys now; the parents hold none.
      stageId: null,
      roundId: null,
      groupId: null,
      aggregateId: null,
      stateId: FT,
      venueId: null,
      name: `Team ${String(home)} vs Team ${String(away)}`,
      startingAt: new Date(Date.UTC(2015, 7, 1) + i * 3_600_000).toISOString(),
      resultInfo: `Game ended ${String(goals[0])}-${String(goals[1])}`,
      leg: '1/1',
      length: 90,
      placeholder: false,
      homeTeamId: home,
      awayTeamId: away,
      homeGoals: goals[0],
      awayGoals: goals[1],
      homeGoalsHalfTime: half[0],
      awayGoalsHalfTime: half[1],
      deleted: false,
      scores: [
        score(0, home, 'CURRENT', 'home', goals[0]),
        score(1, away, 'CURRENT', 'away', goals[1]),
        score(2, home, '1ST_HALF', 'home', half[0]),
        score(3, away, '1ST_HALF', 'away', half[1]),
      ],
    };
  });
}

export const FIXTURE_COLUMNS = [
  'id', 'sport_id', 'league_id', 'season_id', 'stage_id', 'round_id', 'group_id', 'aggregate_id', 'state_id', 'venue_id', 'name', 'starting_at',
  'result_info', 'leg', 'length', 'placeholder', 'home_team_id', 'away_team_id', 'home_goals', 'away_goals', 'home_goals_half_time',
  'away_goals_half_time', 'deleted_at', 'last_synced_at', 'content_hash', 'created_at', 'updated_at',
];

export function fixtureRow(f: Fixture, now: Date): Value[] {
  return [
    f.id, f.sportId, f.leagueId, f.seasonId, f.stageId, f.roundId, f.groupId, f.aggregateId, f.stateId, f.venueId, f.name, new Date(f.startingAt),
    f.resultInfo, f.leg, f.length, f.placeholder, f.homeTeamId, f.awayTeamId, f.homeGoals, f.awayGoals, f.homeGoalsHalfTime,
    f.awayGoalsHalfTime, null, now, 'raw', now, now,
  ];
}

export const SCORE_COLUMNS = ['id', 'fixture_id', 'team_id', 'type_id', 'period', 'participant', 'goals', 'created_at', 'updated_at'];

export function fixtureScores(f: Fixture): FixtureScore[] {
  return f.scores;
}

export function scoreRow(s: FixtureScore, now: Date): Value[] {
  return [s.id, s.fixtureId, s.teamId, s.typeId, s.period, s.participant, s.goals, now, now];
}
