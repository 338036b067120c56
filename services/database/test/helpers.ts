import { fileURLToPath } from 'node:url';
import type { Country, Fixture, FixtureState, League, Season, Standing, Team, TypeEntry, Venue } from '@insightxi/contracts';
import { createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { openDatabase, type Database } from '../src/db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
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
