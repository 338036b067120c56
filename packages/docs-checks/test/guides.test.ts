// The guides in docs/ executed: every SQL block of analysts.md as the read-only analyst against a
// database filled by one simulator sync, and every curl block of operations.md against the stack.
import type { Connection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAnalystAccount, type AnalystAccount } from '../src/analyst.ts';
import { startFilledStack, type FilledStack } from '../src/fill.ts';
import { ANALYSTS_GUIDE, readGuide, sqlExamples } from '../src/guides.ts';
import { blockName } from '../src/markdown.ts';
import { relations, sectionOf } from '../src/schema.ts';
import { connect, mysqlOnlyReservedAliases, runSelect, sampleColumns } from '../src/sql.ts';

const analystsGuide = readGuide(ANALYSTS_GUIDE);
const examples = sqlExamples(analystsGuide.blocks);
/** Columns every table has, described once at the top of the column reference. */
const COMMON_COLUMNS = new Set(['created_at', 'updated_at', 'content_hash']);

let filled: FilledStack | undefined;
let analyst: AnalystAccount | undefined;
let connection: Connection | undefined;

function analystConnection(): Connection {
  if (!connection) throw new Error('no analyst connection: the set-up failed');
  return connection;
}

beforeAll(async () => {
  filled = await startFilledStack('docs_guides');
  analyst = await createAnalystAccount(filled.database.url);
  connection = await connect(analyst.url);
});

afterAll(async () => {
  await connection?.end();
  await analyst?.drop();
  await filled?.stop();
});

describe('docs/analysts.md', () => {
  test('answers at least ten questions, each query followed by a sample of its result', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const withoutSample = examples.filter((example) => example.sample === null).map((example) => blockName(example.query));
    expect(withoutSample, 'SQL blocks without a ```text sample after them').toEqual([]);
  });

  test.each(examples.map((example) => [blockName(example.query), example] as const))('SQL of %s runs and returns rows', async (name, example) => {
    expect(mysqlOnlyReservedAliases(example.query.code), `${name}: aliases MySQL 8.4 reserves`).toEqual([]);
    const result = await runSelect(analystConnection(), example.query.code).catch((error: unknown) => {
      throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    expect(result.rows.length, `${name} returned no rows`).toBeGreaterThan(0);
    expect(sampleColumns(example.sample?.code ?? ''), `${name}: the sample's columns are not the query's`).toEqual(
      result.columns.map((column) => column.name),
    );
  });

  test('the analyst account cannot change anything', async () => {
    await expect(analystConnection().query('DELETE FROM fixtures')).rejects.toThrow(/denied/i);
    await expect(analystConnection().query('CREATE TABLE scratch (id INT)')).rejects.toThrow(/denied/i);
  });

  test('describes every table and view, and every column of each', async () => {
    const undocumented: string[] = [];
    const diagram = analystsGuide.blocks.find((block) => block.lang === 'mermaid')?.code ?? '';
    const found = await relations(analystConnection());
    expect(found.map((relation) => relation.name)).toEqual(expect.arrayContaining(['fixtures', 'fixture_results', 'league_table']));
    for (const relation of found) {
      if (relation.name === '_prisma_migrations') continue;
      if (!new RegExp(`^\\s+${relation.name} \\{`, 'm').test(diagram)) undocumented.push(`${relation.name}: not in the entity diagram`);
      const section = sectionOf(analystsGuide.markdown, relation.name);
      if (section === null) {
        undocumented.push(`${relation.name}: no "### \`${relation.name}\`" section`);
        continue;
      }
      for (const column of relation.columns) {
        if (!COMMON_COLUMNS.has(column) && !section.includes(`\`${column}\``)) undocumented.push(`${relation.name}.${column}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
