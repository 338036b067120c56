import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mysqlOnlyReservedAliases } from '@insightxi/docs-checks/sql';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_DIR } from '../src/lib/site.ts';
import { describeRequirement, parseSqlFile } from '../src/lib/sql-file.ts';

describe('parseSqlFile', () => {
  it('reads the tables and columns a query requires from its header, and the statement without its semicolon', () => {
    const file = parseSqlFile('x.json.sql', '-- What it is.\n-- requires: fixtures, league_table.stage_id\n--Requires:goals\nSELECT 1;\n');
    expect(file.requires).toEqual([{ table: 'fixtures' }, { table: 'league_table', column: 'stage_id' }, { table: 'goals' }]);
    expect(file.sql).toBe('-- What it is.\n-- requires: fixtures, league_table.stage_id\n--Requires:goals\nSELECT 1');
    expect(file.requires.map(describeRequirement)).toEqual(['fixtures', 'league_table.stage_id', 'goals']);
  });

  it('needs nothing without a header', () => {
    expect(parseSqlFile('x.json.sql', 'SELECT 1').requires).toEqual([]);
  });

  it('refuses a name that is not a plain identifier, naming the file', () => {
    expect(() => parseSqlFile('bad.json.sql', '-- requires: fixtures; DROP TABLE x\nSELECT 1')).toThrow(/bad\.json\.sql: "-- requires:" names tables or table\.column, not "fixtures; DROP TABLE x"/);
    expect(() => parseSqlFile('bad.json.sql', '-- requires: a.b.c\nSELECT 1')).toThrow(/not "a\.b\.c"/);
  });

  it('refuses a file with only comments', () => {
    expect(() => parseSqlFile('empty.json.sql', '-- requires: fixtures\n')).toThrow('empty.json.sql: no SQL statement in the file');
  });
});

describe('the dashboards\' queries', () => {
  const files = readdirSync(DATA_DIR).filter((name) => name.endsWith('.json.sql'));

  it.each(files)('%s says what it is, and uses no alias MySQL 8.4 reserves', (name) => {
    const text = readFileSync(join(DATA_DIR, name), 'utf8');
    expect(text.split('\n')[0], 'first line: a comment saying what the query answers').toMatch(/^-- \S/);
    expect(mysqlOnlyReservedAliases(text)).toEqual([]);
    expect(parseSqlFile(name, text).requires.length, 'a "-- requires:" line (pages depend on the not-yet check)').toBeGreaterThan(0);
  });
});

describe('the analysts\' guide', () => {
  it('shows the example chart\'s query exactly as the file holds it', () => {
    const guide = readFileSync(join(PACKAGE_DIR, '..', '..', 'docs', 'analysts.md'), 'utf8');
    const section = guide.slice(guide.indexOf('### Adding a chart'));
    const block = /```sql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(readFileSync(join(DATA_DIR, 'goals-per-match.json.sql'), 'utf8'));
    expect(section).toContain('FileAttachment("data/goals-per-match.json")');
  });
});
