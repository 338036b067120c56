// The structure migration on a database that already holds data: every row stays, the ids its
// fixtures, scores and standings name get placeholder rows so the new foreign keys hold, and the
// next write of the real records replaces the placeholders (counted as updated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type TestDatabase } from '@insightxi/mysql';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { openDatabase, type Database } from '../src/db.ts';
import { databaseBefore, MIGRATIONS_DIR } from './helpers.ts';

const STRUCTURE = '20261206100000_structure';

let testDb: TestDatabase;
let db: Database;
let dropBefore: () => Promise<void>;

async function rows<T>(sql: string): Promise<T[]> {
  return db.pool.query<T[]>(sql);
}

beforeAll(async () => {
  ({ testDb, drop: dropBefore } = await databaseBefore(STRUCTURE, 'structure_migration'));
  db = openDatabase({ url: testDb.url, poolSize: 2 });
  const now = "'2026-01-01 00:00:00.000'";
  await db.pool.query(`INSERT INTO leagues (id, sport_id, country_id, name, active, has_jerseys, content_hash, updated_at) VALUES (271, 1, 320, 'Superliga', 1, 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO seasons (id, sport_id, league_id, name, finished, pending, is_current, content_hash, updated_at) VALUES (19686, 1, 271, '2022/2023', 1, 0, 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_states (id, state, name, short_name, developer_name, is_live, is_final_state, is_final_standing_state, is_cancelled, is_completed, is_deleted, is_not_started, content_hash, updated_at)
    VALUES (5, 'FT', 'Full Time', 'FT', 'FT', 0, 1, 1, 0, 1, 0, 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO teams (id, sport_id, name, placeholder, content_hash, updated_at) VALUES (85, 1, 'FC Copenhagen', 0, 'h', ${now}), (293, 1, 'Brøndby', 0, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixtures (id, sport_id, league_id, season_id, stage_id, round_id, group_id, aggregate_id, state_id, name, starting_at, leg, placeholder, home_team_id, away_team_id, home_goals, away_goals, last_synced_at, content_hash, updated_at)
    VALUES (1, 1, 271, 19686, 77457696, 274247, NULL, NULL, 5, 'FCK vs BIF', ${now}, '1/1', 0, 85, 293, 2, 1, ${now}, 'h', ${now}),
           (2, 1, 271, 19686, 77457693, NULL, NULL, 58589, 5, 'BIF vs FCK', ${now}, '1/2', 0, 293, 85, 0, 0, ${now}, 'h', ${now}),
           (3, 1, 271, 19686, NULL, 999, 888, 777, 5, 'FCK vs BIF', ${now}, '1/1', 0, 85, 293, 1, 1, ${now}, 'h', ${now})`);
  await db.pool.query(`INSERT INTO fixture_scores (id, fixture_id, team_id, type_id, period, participant, goals, updated_at) VALUES (11, 1, 85, 1525, 'CURRENT', 'home', 2, ${now}), (12, 1, 293, 1525, 'CURRENT', 'away', 1, ${now})`);
  await db.pool.query(`INSERT INTO standings (id, season_id, league_id, stage_id, round_id, group_id, team_id, position, points, content_hash, updated_at)
    VALUES (21, 19686, 271, 77457696, 274247, 243863, 85, 1, 3, 'h', ${now})`);
  await migrate(testDb.url, MIGRATIONS_DIR);
});
afterAll(async () => {
  await db.close();
  await dropBefore();
});

describe(`migration ${STRUCTURE} on a database with data`, () => {
  it('keeps every row and its values', async () => {
    expect(await rows('SELECT id, stage_id, round_id, group_id, aggregate_id, home_goals FROM fixtures ORDER BY id')).toEqual([
      { id: 1, stage_id: 77457696, round_id: 274247, group_id: null, aggregate_id: null, home_goals: 2 },
      { id: 2, stage_id: 77457693, round_id: null, group_id: null, aggregate_id: 58589, home_goals: 0 },
      // A round, group or tie without a stage cannot be placed: only that reference is cleared.
      { id: 3, stage_id: null, round_id: null, group_id: null, aggregate_id: null, home_goals: 1 },
    ]);
    expect(await rows('SELECT id, type_id FROM fixture_scores ORDER BY id')).toEqual([
      { id: 11, type_id: 1525 },
      { id: 12, type_id: 1525 },
    ]);
    expect(await rows('SELECT id, stage_id, round_id, group_id, points FROM standings')).toEqual([{ id: 21, stage_id: 77457696, round_id: 274247, group_id: 243863, points: 3 }]);
  });

  it('gives each id the rows name a placeholder, so the foreign keys hold', async () => {
    expect(await rows('SELECT id, season_id, name FROM stages ORDER BY id')).toEqual([
      { id: 77457693, season_id: 19686, name: 'Stage 77457693' },
      { id: 77457696, season_id: 19686, name: 'Stage 77457696' },
    ]);
    expect(await rows('SELECT id, stage_id FROM rounds')).toEqual([{ id: 274247, stage_id: 77457696 }]);
    expect(await rows('SELECT id, stage_id FROM stage_groups')).toEqual([{ id: 243863, stage_id: 77457696 }]);
    expect(await rows('SELECT id, stage_id FROM aggregates')).toEqual([{ id: 58589, stage_id: 77457693 }]);
    expect(await rows('SELECT id, name FROM types')).toEqual([{ id: 1525, name: 'Type 1525' }]);
    expect(await rows('SELECT id, name FROM countries')).toEqual([{ id: 320, name: 'Country 320' }]);
    await expect(db.pool.query('UPDATE fixtures SET stage_id = 1 WHERE id = 1')).rejects.toThrow(/foreign key constraint/i);
  });

  it('lets the source records replace the placeholders, counted as updated', async () => {
    const writer = createBulkWriter(db.pool, { chunkSize: 100 });
    const types = await writer.write('types', { records: [{ id: 1525, name: 'Current', code: 'current', developerName: 'CURRENT', modelType: 'period', statGroup: null }] });
    expect(types).toMatchObject({ created: 0, updated: 1, unchanged: 0, failed: [] });
    const stage = { id: 77457696, leagueId: 271, seasonId: 19686, typeId: null, name: 'Regular Season', sortOrder: 1, finished: true, isCurrent: false, startingAt: '2022-07-15', endingAt: '2023-03-19' };
    expect(await writer.write('stages', { records: [stage] })).toMatchObject({ created: 0, updated: 1, failed: [] });
    expect(await rows("SELECT name, starting_at FROM stages WHERE id = 77457696")).toEqual([{ name: 'Regular Season', starting_at: new Date('2022-07-15T00:00:00Z') }]);
  });
});
