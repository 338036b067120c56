import { describe, expect, it } from 'vitest';
import { seasonPagePaths } from '../src/lib/pages.ts';
import { seasonIds, seasonParam, splitBySeason } from '../src/lib/per-season.ts';
import type { QueryOutput } from '../src/lib/query.ts';

describe('per-season data', () => {
  const output: QueryOutput = { available: true, columns: ['season_id', 'team'], dates: [], rows: [[1, 'a'], [2, 'b'], [1, 'c'], [9, 'not a season with fixtures']] };

  it('splits a query\'s rows into one output per season, a season without rows getting an empty one', () => {
    const parts = splitBySeason(output, [1, 2, 3], 'x.json.sql');
    expect([...parts.keys()]).toEqual([1, 2, 3]);
    expect(parts.get(1)).toEqual({ available: true, columns: ['season_id', 'team'], dates: [], rows: [[1, 'a'], [1, 'c']] });
    expect(parts.get(3)).toEqual({ available: true, columns: ['season_id', 'team'], dates: [], rows: [] });
  });

  it('gives every season the same answer when the data does not exist yet', () => {
    const missing: QueryOutput = { available: false, absent: ['goals'], empty: [] };
    expect([...splitBySeason(missing, [1, 2], 'x').values()]).toEqual([missing, missing]);
  });

  it('refuses a per-season query without a season_id column, naming the file', () => {
    expect(() => splitBySeason({ available: true, columns: ['team'], dates: [], rows: [] }, [1], 'src/data/season/[season]/x.json.sql')).toThrow(
      'src/data/season/[season]/x.json.sql: a query under data/season/[season] must return a season_id column',
    );
  });

  it('reads the seasons from seasons.json and the season Framework passes a loader', () => {
    expect(seasonIds({ available: true, columns: ['league_id', 'season_id'], dates: [], rows: [[271, 5], [271, 4]] })).toEqual([5, 4]);
    expect(seasonIds({ available: false, absent: ['fixtures'], empty: [] })).toEqual([]);
    expect(seasonParam(['--season=23614'])).toBe(23614);
    expect(seasonParam([])).toBeNull();
    expect(() => seasonParam(['--season=x'])).toThrow('--season must be a season id, not "x"');
  });

  it('lists one page per season for each per-season dashboard', () => {
    expect(seasonPagePaths([5, 4])).toEqual(['/league-table/5', '/league-table/4', '/team/5', '/team/4', '/match/5', '/match/4', '/players/5', '/players/4']);
    expect(seasonPagePaths([])).toEqual([]);
  });
});
