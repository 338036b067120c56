// The pieces the guide checks rely on, on inline input: if these were wrong, a broken guide could pass.
import { describe, expect, test } from 'vitest';
import { sqlExamples } from '../src/guides.ts';
import { codeBlocks } from '../src/markdown.ts';
import { formatTable, mysqlOnlyReservedAliases, sampleColumns } from '../src/sql.ts';
import { sectionOf } from '../src/schema.ts';
import { problemsOf } from '../src/shapes.ts';

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

describe("a guide's curl answers", () => {
  const run = { runId: 1, entity: 'all', status: 'succeeded', scope: {}, counters: { pages: 1, fetched: 1, created: 1, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 1, rateLimitWaitMs: 0 }, percentDone: 100, etaSeconds: 0, startedAt: 'x', finishedAt: 'y', durationMs: 1, error: null };
  const call = (method: string, url: string, status: number, body: unknown) => ({ method, url, status, body: typeof body === 'string' ? body : JSON.stringify(body) });

  test('pass when 2xx and in the contract', () => {
    expect(problemsOf(call('POST', 'http://o/sync/all?wait=true', 200, run))).toEqual([]);
    expect(problemsOf(call('GET', 'http://o/metrics', 200, '# HELP x'))).toEqual([]);
  });

  test('fail on a status that is not 2xx, a route without a shape, a body that is not JSON or breaks the contract', () => {
    expect(problemsOf(call('GET', 'http://o/sync/runs/1', 404, { message: 'no' }))).toEqual([expect.stringMatching(/→ 404: \{"message":"no"\}/)]);
    expect(problemsOf(call('GET', 'http://o/teams', 200, []))).toEqual([expect.stringMatching(/no expected shape for this route/)]);
    expect(problemsOf(call('GET', 'http://o/sync/runs/1', 200, 'ok'))).toEqual([expect.stringMatching(/not JSON: ok/)]);
    expect(problemsOf(call('GET', 'http://o/sync/runs/1', 200, { runId: 'one' }))).toEqual([expect.stringMatching(/does not match the contract at \//)]);
  });

  test('fail when a waited run did not succeed, or a health check is not ok', () => {
    expect(problemsOf(call('POST', 'http://o/sync/all?wait=true', 200, { ...run, status: 'failed' }))).toEqual([expect.stringMatching(/the run did not succeed/)]);
    expect(problemsOf(call('GET', 'http://w/health/ready', 200, { status: 'unavailable' }))).toEqual([expect.stringMatching(/not healthy/)]);
  });
});
