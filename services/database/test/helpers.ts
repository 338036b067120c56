import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Country, Fixture, FixtureState, League, Season, Standing, Team, TypeEntry, Venue } from '@insightxi/contracts';
import { createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { openDatabase, type Database } from '../src/db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

/** A database with every migration older than `migration`: the schema a deployment had before it. `drop` removes both. */
export async function databaseBefore(migration: string, prefix: string): Promise<{ testDb: TestDatabase; drop: () => Promise<void> }> {
  const previous = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const name of readdirSync(MIGRATIONS_DIR)) if (name < migration) cpSync(join(MIGRATIONS_DIR, name), join(previous, name), { recursive: true });
  const testDb = await createTestDatabase({ prefix, migrationsDir: previous });
  return {
    testDb,
    drop: async () => {
      await testDb.drop();
      rmSync(previous, { recursive: true, force: true });
    },
  };
}
export const SCHEMA_FILE = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

export interface TestContext {
  testDb: TestDatabase;
  db: Database;
  close(): Promise<void>;
}

/** The test database's URL, logged in as another account. */
export function urlAs(databaseUrl: string, user: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = user;
  url.password = password;
  return url.toString();
}

export function country(id: number, name = `Country ${id}`): Country {
  return { id, continentId: 1, name, officialName: null, fifaName: null, iso2: null, iso3: null, latitude: null, longitude: null, imagePath: null };
}

export function typeEntry(id: number, developerName: string, modelType = 'period'): TypeEntry {
  return { id, name: developerName, code: developerName.toLowerCase(), developerName, modelType, statGroup: null };
}

/** The dictionary rows the sample records below name: their country and their score types. */
export const REFERENCE = {
  countries: [country(462, 'United Kingdom')],
  types: [typeEntry(1, '1ST_HALF'), typeEntry(1525, 'CURRENT')],
};

/** A freshly migrated database of this test file's own with REFERENCE written, and the service's pool on it. */
export async function migratedDatabase(prefix: string): Promise<TestContext> {
  const testDb = await createTestDatabase({ prefix, migrationsDir: MIGRATIONS_DIR });
  const db = openDatabase({ url: testDb.url, poolSize: 8 });
  const writer = createBulkWriter(db.pool, { chunkSize: 100 });
  await writer.write('countries', { records: REFERENCE.countries });
  await writer.write('types', { records: REFERENCE.types });
  return {
    testDb,
    db,
    async close() {
      await db.close();
      await testDb.drop();
    },
  };
}

export function state(id: number, code: string): FixtureState {
  return {
    id,
    state: code,
    name: code,
    shortName: code,
    developerName: code,
    isLive: false,
    isFinalState: ['FT', 'AET', 'FT_PEN'].includes(code),
    isFinalStandingState: ['FT', 'AET', 'FT_PEN'].includes(code),
    isCancelled: false,
    isCompleted: ['FT', 'AET', 'FT_PEN'].includes(code),
    isDeleted: false,
    isNotStarted: code === 'NS',
  };
}

export const STATES = { NS: state(1, 'NS'), FT: state(5, 'FT'), AET: state(7, 'AET'), FT_PEN: state(8, 'FT_PEN'), POSTP: state(10, 'POSTP') };

export function league(id: number, name = `League ${id}`): League {
  return {
    id,
    sportId: 1,
    countryId: 462,
    name,
    active: true,
    shortCode: null,
    imagePath: null,
    type: 'league',
    subType: 'domestic',
    category: 1,
    hasJerseys: false,
    lastPlayedAt: '2025-05-25T15:00:00.000Z',
  };
}

export function season(id: number, leagueId: number, name = '2024/2025'): Season {
  return {
    id,
    sportId: 1,
    leagueId,
    name,
    finished: false,
    pending: false,
    isCurrent: true,
    startingAt: '2024-08-16',
    endingAt: '2025-05-25',
    standingsRecalculatedAt: null,
  };
}

export function venue(id: number): Venue {
  return {
    id,
    countryId: 462,
    cityId: 1,
    name: `Stadium ${id}`,
    address: null,
    zipcode: null,
    latitude: 51.5549,
    longitude: -0.108436,
    capacity: 60_000,
    imagePath: null,
    cityName: 'London',
    surface: 'grass',
    nationalTeam: false,
  };
}

export function team(id: number, name = `Team ${id}`, venueId: number | null = null): Team {
  return {
    id,
    sportId: 1,
    countryId: 462,
    venueId,
    gender: 'male',
    name,
    shortCode: null,
    imagePath: null,
    founded: 1900,
    type: 'domestic',
    placeholder: false,
    lastPlayedAt: null,
  };
}

export interface FixtureInput {
  id: number;
  leagueId: number;
  seasonId: number;
  home: number | null;
  away: number | null;
  goals?: [number, number] | null;
  stateId?: number;
  startingAt?: string;
  venueId?: number | null;
}

/** A fixture with CURRENT scores for both sides (score ids derived from the fixture id). */
export function fixture(input: FixtureInput): Fixture {
  const goals = input.goals ?? null;
  const scores =
    goals && input.home !== null && input.away !== null
      ? [
          { id: input.id * 10 + 1, fixtureId: input.id, teamId: input.home, typeId: 1525, period: 'CURRENT', participant: 'home' as const, goals: goals[0] },
          { id: input.id * 10 + 2, fixtureId: input.id, teamId: input.away, typeId: 1525, period: 'CURRENT', participant: 'away' as const, goals: goals[1] },
        ]
      : [];
  return {
    id: input.id,
    sportId: 1,
    leagueId: input.leagueId,
    seasonId: input.seasonId,
    stageId: null,
    roundId: null,
    groupId: null,
    aggregateId: null,
    stateId: input.stateId ?? (goals ? STATES.FT.id : STATES.NS.id),
    venueId: input.venueId ?? null,
    name: `${input.home ?? 'TBD'} vs ${input.away ?? 'TBD'}`,
    startingAt: input.startingAt ?? '2024-09-01T14:00:00.000Z',
    resultInfo: null,
    leg: '1/1',
    length: 90,
    placeholder: input.home === null || input.away === null,
    homeTeamId: input.home,
    awayTeamId: input.away,
    homeGoals: goals ? goals[0] : null,
    awayGoals: goals ? goals[1] : null,
    homeGoalsHalfTime: null,
    awayGoalsHalfTime: null,
    deleted: false,
    scores,
  };
}

export function standing(id: number, seasonId: number, leagueId: number, teamId: number, position: number, points: number): Standing {
  return {
    id,
    seasonId,
    leagueId,
    stageId: null,
    roundId: null,
    groupId: null,
    teamId,
    position,
    points,
    result: null,
    played: null,
    won: null,
    drawn: null,
    lost: null,
    goalsFor: null,
    goalsAgainst: null,
  };
}

/** The types matchDetail's rows point at: events, lineup slots and positions, statistics, referee roles. */
export const DETAIL_TYPES = [
  typeEntry(6, 'REFEREE'), typeEntry(7, '1ST_ASSISTANT_REFEREE'), typeEntry(8, '2ND_ASSISTANT_REFEREE'), typeEntry(9, '4TH_OFFICIAL'),
  typeEntry(10, 'VAR'), typeEntry(11, 'LINEUP'), typeEntry(12, 'BENCH'), typeEntry(14, 'GOAL'), typeEntry(15, 'OWNGOAL'), typeEntry(16, 'PENALTY'),
  typeEntry(18, 'SUBSTITUTION'), typeEntry(19, 'YELLOWCARD'), typeEntry(20, 'REDCARD'), typeEntry(24, 'GOALKEEPER'), typeEntry(25, 'DEFENDER'),
  typeEntry(42, 'SHOTS_TOTAL'), typeEntry(45, 'BALL_POSSESSION'), typeEntry(118, 'RATING'), typeEntry(119, 'MINUTES_PLAYED'),
];

export interface DetailOptions {
  /** Goal minutes per side, in match order; the running score string follows them. */
  goals?: { home: number[]; away: number[] };
  /** Per-player detail rows (minutes, rating) for the starters. */
  lineupDetails?: boolean;
}

/**
 * A fixture's match detail as the fetcher sends it: goal events whose running score adds up to
 * the goals, 11 starters and 3 substitutes per side, possession summing to 100, four officials.
 * Row ids derive from the fixture id, so two calls give the same rows.
 */
export function matchDetail(f: Fixture, options: DetailOptions = {}): NonNullable<Fixture['detail']> {
  const home = f.homeTeamId ?? 0;
  const away = f.awayTeamId ?? 0;
  const base = f.id * 1000;
  const goals = options.goals ?? { home: [], away: [] };
  const timeline = [...goals.home.map((m) => ({ m, side: 'home' as const })), ...goals.away.map((m) => ({ m, side: 'away' as const }))].sort((a, b) => a.m - b.m);
  const score = { home: 0, away: 0 };
  const events = timeline.map(({ m, side }, i) => {
    score[side] += 1;
    const team = side === 'home' ? home : away;
    return {
      id: base + 1 + i,
      fixtureId: f.id,
      periodId: m <= 45 ? 1 : 2,
      teamId: team,
      playerId: team * 100 + 9,
      playerName: `Striker ${team}`,
      relatedPlayerId: team * 100 + 10,
      relatedPlayerName: `Playmaker ${team}`,
      typeId: 14,
      subTypeId: null,
      minute: m,
      extraMinute: null,
      result: `${score.home}-${score.away}`,
      info: 'Shot',
      addition: `${i + 1}. Goal`,
      injured: null,
      onBench: false,
      sortOrder: i + 1,
    };
  });
  const lineups = [home, away].flatMap((team, side) =>
    Array.from({ length: 14 }, (_, n) => ({
      id: base + 100 + side * 20 + n,
      fixtureId: f.id,
      teamId: team,
      playerId: team * 100 + n + 1,
      playerName: `Player ${team}-${n + 1}`,
      typeId: n < 11 ? 11 : 12,
      positionId: n === 0 ? 24 : 25,
      formationField: n < 11 ? `${n === 0 ? 1 : 2}:${n + 1}` : null,
      formationPosition: n < 11 ? n + 1 : null,
      jerseyNumber: n + 1,
    })),
  );
  const detail: NonNullable<Fixture['detail']> = {
    events,
    lineups,
    statistics: [
      { id: base + 200, fixtureId: f.id, teamId: home, typeId: 45, value: 55, location: 'home' },
      { id: base + 201, fixtureId: f.id, teamId: away, typeId: 45, value: 45, location: 'away' },
      { id: base + 202, fixtureId: f.id, teamId: home, typeId: 42, value: 12, location: 'home' },
      { id: base + 203, fixtureId: f.id, teamId: away, typeId: 42, value: 7, location: 'away' },
    ],
    referees: [6, 7, 8, 9].map((typeId, i) => ({ id: base + 300 + i, fixtureId: f.id, refereeId: 500 + i, typeId })),
    formations: [
      { id: base + 400, fixtureId: f.id, teamId: home, formation: '4-3-3', location: 'home' },
      { id: base + 401, fixtureId: f.id, teamId: away, formation: '4-4-2', location: 'away' },
    ],
  };
  if (options.lineupDetails === true) {
    detail.lineupDetails = lineups
      .filter((l) => l.typeId === 11)
      .flatMap((l, i) => [
        { id: base + 500 + i * 2, fixtureId: f.id, lineupId: l.id, teamId: l.teamId, playerId: l.playerId, typeId: 119, value: 90 },
        { id: base + 501 + i * 2, fixtureId: f.id, lineupId: l.id, teamId: l.teamId, playerId: l.playerId, typeId: 118, value: 6.5 + (i % 4) / 2 },
      ]);
  }
  return detail;
}
