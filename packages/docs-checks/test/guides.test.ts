// The guides in docs/ executed: every SQL block of analysts.md as the read-only analyst against a
// database filled by one simulator sync, and every curl block of operations.md against the stack.
import type { Connection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAnalystAccount, type AnalystAccount } from '../src/analyst.ts';
import { ShellSession } from '../src/curl.ts';
import { startFilledStack, type FilledStack } from '../src/fill.ts';
import { ANALYSTS_GUIDE, OPERATIONS_GUIDE, readGuide, sqlExamples } from '../src/guides.ts';
import { blockName, type CodeBlock } from '../src/markdown.ts';
import { relations, sectionOf } from '../src/schema.ts';
import { problemsOf } from '../src/shapes.ts';
import { connect, mysqlOnlyReservedAliases, runSelect, sampleColumns } from '../src/sql.ts';

const analystsGuide = readGuide(ANALYSTS_GUIDE);
const examples = sqlExamples(analystsGuide.blocks);
const operationsGuide = readGuide(OPERATIONS_GUIDE);
const SHELL = new Set(['sh', 'bash', 'shell']);
const shellBlocks = operationsGuide.blocks.filter((block) => SHELL.has(block.lang));
const callsCurl = (block: CodeBlock) => /(^|[\s|($])curl\s/m.test(block.code);
const curlBlocks = shellBlocks.filter((block) => block.notRun === null && callsCurl(block));
const skippedBlocks = operationsGuide.blocks.filter((block) => block.notRun !== null);
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

describe('docs/operations.md', () => {
  let shell: ShellSession | undefined;
  let ran = 0;

  beforeAll(() => {
    if (!filled) throw new Error('no stack: the set-up failed');
    const { stack } = filled;
    // Slower SportMonks answers keep a run going long enough for the cancel example to meet it running.
    stack.simulator?.setFaults({ latency: { rate: 1, minMs: 80, maxMs: 120 } });
    shell = new ShellSession({
      ORCHESTRATOR: stack.url('orchestrator'),
      OPERATOR_TOKEN: stack.operatorToken,
      WRITER: stack.url('database'),
      FETCHER: stack.url('sportmonks'),
      INTERNAL_TOKEN: stack.internalToken,
      // API Gateway forwards the /sync paths unchanged; here the orchestrator answers them itself.
      API: stack.url('orchestrator'),
      JWT: 'local-test-jwt',
    });
  });

  afterAll(() => {
    shell?.close();
    const reasons = skippedBlocks.map((block) => `line ${block.line} ${block.lang}: ${block.notRun ?? ''}`).join('; ');
    console.log(`docs/operations.md: ${ran} of ${curlBlocks.length} curl blocks ran, ${skippedBlocks.length} blocks marked not-run (${reasons})`);
  });

  test('has curl examples for every orchestrator endpoint, locally and through API Gateway', () => {
    const code = curlBlocks.map((block) => block.code).join('\n');
    for (const endpoint of [/-X POST [^\n]*\/sync\/[a-z]+/, /\/sync\/runs\/\$RUN_ID\/cancel/, /\/sync\/runs\/\$RUN_ID\/resume/, /\/sync\/runs\?/, /\/sync\/runs\/\$RUN_ID"/]) {
      expect(code, String(endpoint)).toMatch(endpoint);
    }
    expect(code).toMatch(/"\$API\/sync\//);
    expect(curlBlocks.length).toBeGreaterThanOrEqual(10);
  });

  test('every shell block either runs here or says why not', () => {
    const unaccounted = shellBlocks.filter((block) => block.notRun === null && !callsCurl(block)).map(blockName);
    expect(unaccounted, 'shell blocks without curl and without <!-- not-run: reason -->').toEqual([]);
  });

  test('every ```json example parses', () => {
    const broken = operationsGuide.blocks
      .filter((block) => block.lang === 'json')
      .flatMap((block) => {
        try {
          JSON.parse(block.code);
          return [];
        } catch (error) {
          return [`${blockName(block)}: ${error instanceof Error ? error.message : String(error)}`];
        }
      });
    expect(broken).toEqual([]);
  });

  test.each(operationsGuide.blocks.filter((block) => block.lang === 'sql').map((block) => [blockName(block), block] as const))(
    'SQL of %s runs as the analyst',
    async (name, block: CodeBlock) => {
      await runSelect(analystConnection(), block.code).catch((error: unknown) => {
        throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
  );

  test.each(curlBlocks.map((block) => [blockName(block), block] as const))('curl block %s answers 2xx with the documented JSON', async (name, block: CodeBlock) => {
    if (!shell) throw new Error('no shell: the set-up failed');
    const result = await shell.run(block.code, 60_000);
    ran++;
    expect(result.calls.length, `${name} made no HTTP call:\n${result.output}`).toBeGreaterThan(0);
    expect(result.calls.flatMap(problemsOf), `${name}:\n${result.output}`).toEqual([]);
    expect(result.exitCode, `${name} exited with ${String(result.exitCode)}:\n${result.output}`).toBe(0);
  });
});
