// The pieces the guide checks rely on, on inline input: if these were wrong, a broken guide could pass.
import { describe, expect, test } from 'vitest';
import { sqlExamples } from '../src/guides.ts';
import { codeBlocks } from '../src/markdown.ts';
import { formatTable, mysqlOnlyReservedAliases, sampleColumns } from '../src/sql.ts';
import { sectionOf } from '../src/schema.ts';

const GUIDE = [
  '# Guide',
  '## Starting',
  '```sh',
  'curl "$ORCHESTRATOR/sync/runs"',
  '```',
  '<!-- not-run: AWS only -->',
  '',
  '```sh',
  'aws ecs update-service',
  '```',
  '### 1. A table',
  '```sql',
  'SELECT 1 AS one',
  '```',
  '```text',
  '| one |',
  '```',
  '### 2. Prose between',
  '```sql',
  'SELECT 2',
  '```',
  'prose',
  '```text',
  'still its sample: same heading',
  '```',
  '### `fixtures`',
  '| `id` | INT |',
].join('\n');

describe('codeBlocks', () => {
  const blocks = codeBlocks(GUIDE);

  test('finds every fenced block with its language, heading and line', () => {
    expect(blocks.map((b) => [b.lang, b.heading, b.line])).toEqual([
      ['sh', 'Starting', 3],
      ['sh', 'Starting', 8],
      ['sql', '1. A table', 12],
      ['text', '1. A table', 15],
      ['sql', '2. Prose between', 19],
      ['text', '2. Prose between', 23],
    ]);
  });

  test('a not-run comment applies to the next block only, with its reason', () => {
    expect(blocks.map((b) => b.notRun)).toEqual([null, 'AWS only', null, null, null, null]);
  });

  test('pairs each query with the text block after it under the same heading', () => {
    const examples = sqlExamples(blocks);
    expect(examples.map((e) => [e.query.code, e.sample?.code ?? null])).toEqual([
      ['SELECT 1 AS one', '| one |'],
      ['SELECT 2', 'still its sample: same heading'],
    ]);
    expect(sqlExamples(codeBlocks('### a\n```sql\nSELECT 1\n```\n### b\n```text\nx\n```')).map((e) => e.sample)).toEqual([null]);
  });
});

describe('results and samples', () => {
  const table = formatTable({
    columns: [
      { name: 'team', numeric: false },
      { name: 'points', numeric: true },
    ],
    rows: [
      ['Brøndby IF', '41'],
      ['OB', '7'],
      ['x', 'NULL'],
    ],
  });

  test('prints like the mysql client: numbers right-aligned, one column per character', () => {
    expect(table).toBe(
      [
        '+------------+--------+',
        '| team       | points |',
        '+------------+--------+',
        '| Brøndby IF |     41 |',
        '| OB         |      7 |',
        '| x          |   NULL |',
        '+------------+--------+',
      ].join('\n'),
    );
  });

  test("reads a sample's column names back", () => {
    expect(sampleColumns(table)).toEqual(['team', 'points']);
    expect(sampleColumns('no table here')).toBeNull();
  });

  test('flags aliases MySQL 8.4 reserves and MariaDB does not', () => {
    expect(mysqlOnlyReservedAliases('SELECT RANK() OVER w AS rank, x AS groups, y AS ranking, z AS `window`')).toEqual(['rank', 'groups']);
  });

  test("finds a relation's section by its name in backticks", () => {
    expect(sectionOf(GUIDE, 'fixtures')).toContain('`id`');
    expect(sectionOf(GUIDE, 'teams')).toBeNull();
  });
});
