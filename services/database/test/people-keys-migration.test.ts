// The people-keys migration on a database that already holds match detail naming people we never
// stored: every detail row stays, each person it names gets a stub row (the name the detail
// carried) so the new foreign keys hold, and the full record later fills the stub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type TestDatabase } from '@insightxi/mysql';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { openDatabase, type Database } from '../src/db.ts';
import { databaseBefore, MIGRATIONS_DIR } from './helpers.ts';

const PEOPLE_KEYS = '20261206160000_people_keys';

let testDb: TestDatabase;
let db: Database;
let dropBefore: () => Promise<void>;

async function rows<T>(sql: string): Promise<T[]> {
  return db.pool.query<T[]>(sql);
}

beforeAll(async () => {
  ({ testDb, drop: dropBefore } = await databaseBefore(PEOPLE_KEYS, 'people_keys_migration'));
  db = openDatabase({ url: testDb.url, poolSize: 2 });
  const now = "'2026-01-01 00:00:00.000'";
  await db.pool.query(`INSERT INTO types (id, name, content_hash, updated_at) VALUES (6, 'Referee', 'h', ${now}), (11, 'Lineup', 'h', ${now}), (14, 'Goal', 'h', ${now}), (118, 'Rating', 'h', ${now})`);
  await db.pool.query(`INSERT INTO leagues (id, sport_id, name, active, has_jerseys, content_hash, updated_at) VALUES (271, 1, 'Superliga', 1, 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO seasons (id, sport_id, league_id, name, finished, pending, is_current, content_hash, updated_at) VALUES (19686, 1, 271, '2022/2023', 1, 0, 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_states (id, state, name, short_name, developer_name, is_live, is_final_state, is_final_standing_state, is_cancelled, is_completed, is_deleted, is_not_started, content_hash, updated_at)
    VALUES (5, 'FT', 'Full Time', 'FT', 'FT', 0, 1, 1, 0, 1, 0, 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO teams (id, sport_id, name, placeholder, content_hash, updated_at) VALUES (85, 1, 'FC Copenhagen', 0, 'h', ${now}), (293, 1, 'Brøndby', 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixtures (id, sport_id, league_id, season_id, state_id, name, starting_at, leg, placeholder, home_team_id, away_team_id, home_goals, away_goals, last_synced_at, content_hash, updated_at)
    VALUES (1, 1, 271, 19686, 5, 'FCK vs BIF', ${now}, '1/1', 0, 85, 293, 1, 0, ${now}, 'h', ${now})`);
  // Player 7 is stored in full; 8 (the scorer), 9 (his assist, only named in the event) and 10 (a lineup without a name) are not.
  await db.pool.query(`INSERT INTO players (id, sport_id, name, content_hash, updated_at) VALUES (7, 1, 'Known Keeper', 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_events (id, fixture_id, team_id, player_id, player_name, related_player_id, related_player_name, type_id, minute, content_hash, updated_at)
    VALUES (100, 1, 85, 8, 'Scorer Eight ', 9, 'Assist Nine', 14, 12, 'h', ${now}), (101, 1, 85, NULL, NULL, NULL, NULL, 14, 13, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_lineups (id, fixture_id, team_id, player_id, player_name, type_id, content_hash, updated_at)
    VALUES (200, 1, 85, 7, 'Known Keeper', 11, 'h', ${now}), (201, 1, 85, 8, 'Scorer Eight', 11, 'h', ${now}), (202, 1, 293, 10, NULL, 11, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_lineup_details (id, fixture_id, lineup_id, team_id, player_id, type_id, value, content_hash, updated_at) VALUES (300, 1, 202, 293, 10, 118, 7.5, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_referees (id, fixture_id, referee_id, type_id, content_hash, updated_at) VALUES (400, 1, 55, 6, 'h', ${now})`);
  await migrate(testDb.url, MIGRATIONS_DIR);
});
afterAll(async () => {
  await db.close();
  await dropBefore();
});

describe(`migration ${PEOPLE_KEYS} on a database with match detail`, () => {
  it('keeps every detail row and gives each person it names a stub with the name the detail carried', async () => {
    expect(await rows('SELECT id, player_id, related_player_id FROM fixture_events ORDER BY id')).toEqual([
      { id: 100n, player_id: 8, related_player_id: 9 },
      { id: 101n, player_id: null, related_player_id: null },
    ]);
    expect(await rows('SELECT COUNT(*) AS n FROM fixture_lineups')).toEqual([{ n: 3n }]);
    expect(await rows('SELECT id, name, stub FROM players ORDER BY id')).toEqual([
      { id: 7, name: 'Known Keeper', stub: 0 },
      { id: 8, name: 'Scorer Eight', stub: 1 },
      { id: 9, name: 'Assist Nine', stub: 1 },
      { id: 10, name: '', stub: 1 },
    ]);
    expect(await rows('SELECT id, stub FROM referees')).toEqual([{ id: 55, stub: 1 }]);
  });

  it('holds the new keys: a detail row cannot name a person who is not stored', async () => {
    await expect(db.pool.query("INSERT INTO fixture_lineups (id, fixture_id, team_id, player_id, type_id, content_hash, updated_at) VALUES (203, 1, 85, 999, 11, 'h', NOW(3))")).rejects.toThrow(/foreign key/i);
    await expect(db.pool.query("INSERT INTO fixture_referees (id, fixture_id, referee_id, type_id, content_hash, updated_at) VALUES (401, 1, 999, 6, 'h', NOW(3))")).rejects.toThrow(/foreign key/i);
  });

  it('the full record fills a stub, counted as created', async () => {
    const writer = createBulkWriter(db.pool, { chunkSize: 50 });
    const referee = {
      id: 55, sportId: 1, countryId: null, cityId: null, commonName: 'A. Ref', firstname: 'Anna', lastname: 'Ref', name: 'Anna Ref', displayName: 'Anna Ref', imagePath: null,
      height: null, weight: null, dateOfBirth: '1980-01-01', gender: 'female',
    };
    expect(await writer.write('referees', { records: [referee] })).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: [] });
    expect(await rows('SELECT name, stub FROM referees WHERE id = 55')).toEqual([{ name: 'Anna Ref', stub: 0 }]);
  });
});
