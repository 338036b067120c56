// Writer throughput with match detail: 10,000 fixtures, each with its events, lineups, team
// statistics, referees and formations (~75 detail rows), through POST /fixtures/bulk over HTTP in
// the calls the orchestrator sends (a fixture weighs 1 + a quarter per detail row, 1,000 a call),
// side by side with raw multi-row INSERT … ON DUPLICATE KEY UPDATE of the same rows on the same
// MySQL. Goals: raw time / our time >= 0.6 for the first load; an unchanged resync >= 3x faster
// than the first load (the set hashes recognise every unchanged fixture's detail).
//   pnpm --filter @insightxi/bench run bench:writer:detail
import mariadb from 'mariadb';
import { request } from 'undici';
import type { BulkResult, Fixture, FixtureDetail } from '@insightxi/contracts';
import { buildApp, MIGRATIONS_DIR, readConfig } from '@insightxi/database';
import { connectionConfig, createTestDatabase } from '@insightxi/mysql';
import { reportBench } from './bench-result.ts';
import { benchFixtures, FIXTURE_COLUMNS, fixtureRow, parents, reference, SCORE_COLUMNS, scoreRow } from './writer-data.ts';

const FIXTURES = Number(process.env.BENCH_FIXTURES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Fixtures per writer call: ~1,000 weight with ~75 detail rows a fixture, as the orchestrator cuts them. */
const PER_CALL = 50;
const TOKEN = 'bench-internal-token-0123456789';
type Value = string | number | boolean | Date | null;

const TYPES = [1, 1525, 6, 7, 8, 9, 11, 12, 14, 18, 19, 24, 25, 26, 27, 34, 42, 45, 56, 86];

/** A finished match's detail: a goal event per goal, 11 + 7 a side, 8 statistics, 4 officials, 2 formations. */
function withDetail(f: Fixture): Fixture {
  const base = f.id * 200;
  const home = f.homeTeamId ?? 1;
  const away = f.awayTeamId ?? 2;
  const score = { home: 0, away: 0 };
  const goals = [...Array.from({ length: f.homeGoals ?? 0 }, () => 'home' as const), ...Array.from({ length: f.awayGoals ?? 0 }, () => 'away' as const)];
  const detail: FixtureDetail = {
    events: goals.map((side, i) => {
      score[side] += 1;
      const team = side === 'home' ? home : away;
      return {
        id: base + i, fixtureId: f.id, periodId: 1, teamId: team, playerId: team * 100 + 9, playerName: `Striker ${String(team)}`,
        relatedPlayerId: team * 100 + 10, relatedPlayerName: `Playmaker ${String(team)}`, typeId: 14, subTypeId: null, minute: 10 + i * 17,
        extraMinute: null, result: `${String(score.home)}-${String(score.away)}`, info: 'Shot', addition: null, injured: null, onBench: false, sortOrder: i + 1,
      };
    }),
    lineups: [home, away].flatMap((team, side) =>
      Array.from({ length: 18 }, (_, n) => ({
        id: base + 20 + side * 20 + n, fixtureId: f.id, teamId: team, playerId: team * 100 + n + 1, playerName: `Player ${String(team)}-${String(n + 1)}`,
        typeId: n < 11 ? 11 : 12, positionId: 24 + Math.min(3, Math.floor(n / 4)), formationField: n < 11 ? `${String(1 + Math.floor(n / 4))}:${String(1 + (n % 4))}` : null,
        formationPosition: n < 11 ? n + 1 : null, jerseyNumber: n + 1,
      })),
    ),
    statistics: [45, 42, 86, 34].flatMap((typeId, i) => [
      { id: base + 60 + i * 2, fixtureId: f.id, teamId: home, typeId, value: typeId === 45 ? 55 : 10 + i, location: 'home' as const },
      { id: base + 61 + i * 2, fixtureId: f.id, teamId: away, typeId, value: typeId === 45 ? 45 : 5 + i, location: 'away' as const },
    ]),
    referees: [6, 7, 8, 9].map((typeId, i) => ({ id: base + 70 + i, fixtureId: f.id, refereeId: 500 + (f.id % 40) + i, typeId })),
    formations: [
      { id: base + 80, fixtureId: f.id, teamId: home, formation: '4-3-3', location: 'home' },
      { id: base + 81, fixtureId: f.id, teamId: away, formation: '4-4-2', location: 'away' },
    ],
  };
  return { ...f, detail };
}

// The raw side writes the same columns the writer does (content hashes as constants: no change detection).
const TABLES: { table: string; kind: keyof FixtureDetail; columns: string[] }[] = [
  { table: 'fixture_events', kind: 'events', columns: ['id', 'fixture_id', 'period_id', 'team_id', 'player_id', 'player_name', 'related_player_id', 'related_player_name', 'type_id', 'sub_type_id', 'minute', 'extra_minute', 'result', 'info', 'addition', 'injured', 'on_bench', 'sort_order'] },
  { table: 'fixture_lineups', kind: 'lineups', columns: ['id', 'fixture_id', 'team_id', 'player_id', 'player_name', 'type_id', 'position_id', 'formation_field', 'formation_position', 'jersey_number'] },
  { table: 'fixture_statistics', kind: 'statistics', columns: ['id', 'fixture_id', 'team_id', 'type_id', 'value', 'location'] },
  { table: 'fixture_referees', kind: 'referees', columns: ['id', 'fixture_id', 'referee_id', 'type_id'] },
  { table: 'fixture_formations', kind: 'formations', columns: ['id', 'fixture_id', 'team_id', 'formation', 'location'] },
];
const camel = (column: string): string => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const ours = await createTestDatabase({ prefix: 'bench_detail_api', migrationsDir: MIGRATIONS_DIR });
const raw = await createTestDatabase({ prefix: 'bench_detail_raw', migrationsDir: MIGRATIONS_DIR });
const writerConfig = (url: string) => readConfig({ DATABASE_URL: url, INTERNAL_TOKEN: TOKEN, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'warn' });
const app = await buildApp(writerConfig(ours.url), { underPressure: { maxEventLoopDelay: 0 } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
const base = `http://127.0.0.1:${String(address.port)}`;

async function post(url: string, entity: string, records: unknown[]): Promise<BulkResult> {
  const response = await request(`${url}/${entity}/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ records }),
  });
  const body = (await response.body.json()) as BulkResult;
  if (response.statusCode !== 200) throw new Error(`${entity}/bulk answered ${String(response.statusCode)}: ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

// Parents, untimed, in both databases (the raw one through a second writer).
const rawApp = await buildApp(writerConfig(raw.url), { underPressure: { maxEventLoopDelay: 0 } });
await rawApp.listen({ port: 0, host: '127.0.0.1' });
const rawAddress = rawApp.server.address();
if (rawAddress === null || typeof rawAddress === 'string') throw new Error('expected a TCP address');
// The people the detail names are parents too: raw SQL has no stubs, and the foreign keys need them.
const person = (id: number, name: string) => ({
  id, sportId: 1, countryId: null, cityId: null, commonName: null, firstname: null, lastname: null, name, displayName: null, imagePath: null, height: null, weight: null, dateOfBirth: null, gender: null,
});
const people = {
  players: parents().teams.flatMap((t) => Array.from({ length: 18 }, (_, n) => ({ ...person(t.id * 100 + n + 1, `Player ${String(t.id)}-${String(n + 1)}`), nationalityId: null, positionId: null, detailedPositionId: null }))),
  referees: Array.from({ length: 43 }, (_, i) => person(500 + i, `Referee ${String(500 + i)}`)),
};
for (const url of [base, `http://127.0.0.1:${String(rawAddress.port)}`]) {
  for (const [entity, records] of Object.entries({ ...reference(TYPES), ...parents(), ...people })) await post(url, entity, records);
}
await rawApp.close();

const fixtures = benchFixtures(FIXTURES, 0).map(withDetail);
const detailRows = fixtures.reduce((n, f) => n + Object.values(f.detail ?? {}).reduce((m, rows) => m + rows.length, 0), 0);
const rawConnection = await mariadb.createConnection({ ...connectionConfig(raw.url), timezone: 'Z' });

async function rawInsert(table: string, columns: string[], rows: Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const update = columns.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `${c} = VALUES(${c})`).join(', ');
  const row = `(${columns.map(() => '?').join(', ')})`;
  await rawConnection.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => row).join(', ')} ON DUPLICATE KEY UPDATE ${update}`, rows.flat());
}

async function rawLoad(now: Date): Promise<void> {
  for (let i = 0; i < fixtures.length; i += PER_CALL) {
    const batch = fixtures.slice(i, i + PER_CALL);
    await rawConnection.beginTransaction();
    await rawInsert('fixtures', FIXTURE_COLUMNS, batch.map((f) => fixtureRow(f, now)));
    await rawInsert('fixture_scores', SCORE_COLUMNS, batch.flatMap((f) => f.scores.map((s) => scoreRow(s, now))));
    for (const { table, kind, columns } of TABLES) {
      const rows = batch.flatMap((f) => ((f.detail?.[kind] ?? []) as unknown as Record<string, Value>[]).map((r) => [...columns.map((c) => r[camel(c)] ?? null), 'raw', now, now]));
      await rawInsert(table, [...columns, 'content_hash', 'created_at', 'updated_at'], rows);
    }
    await rawConnection.commit();
  }
}

async function apiLoad(): Promise<BulkResult> {
  const total: BulkResult = { created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: false };
  for (let i = 0; i < fixtures.length; i += PER_CALL) {
    const result = await post(base, 'fixtures', fixtures.slice(i, i + PER_CALL));
    total.created += result.created;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    total.failed.push(...result.failed);
  }
  return total;
}

async function clear(): Promise<void> {
  for (const url of [raw.url, ours.url]) {
    const c = await mariadb.createConnection(connectionConfig(url));
    await c.query('DELETE FROM fixtures');
    await c.end();
  }
}

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const rawMs: number[] = [];
const firstMs: number[] = [];
const resyncMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  await clear();
  // Alternate who goes first: background work MySQL leaves behind lands on the other one.
  const rawFirst = async () => rawMs.push((await timed(() => rawLoad(new Date()))).ms);
  if (round % 2 === 0) await rawFirst();
  const first = await timed(apiLoad);
  if (first.result.created !== FIXTURES || first.result.failed.length > 0) throw new Error(`first load: ${JSON.stringify(first.result).slice(0, 300)}`);
  firstMs.push(first.ms);
  if (round % 2 === 1) await rawFirst();
  const again = await timed(apiLoad);
  if (again.result.unchanged !== FIXTURES) throw new Error(`resync not unchanged: ${JSON.stringify(again.result).slice(0, 300)}`);
  resyncMs.push(again.ms);
}

const [rawMedian, firstMedian, resyncMedian] = [median(rawMs), median(firstMs), median(resyncMs)];
console.log(
  `writer with detail: ${FIXTURES.toLocaleString('en')} fixtures, ${detailRows.toLocaleString('en')} detail rows, ${String(PER_CALL)} fixtures a call, median of ${String(ROUNDS)} rounds: ` +
    `raw ${(rawMedian / 1000).toFixed(2)} s, ours ${(firstMedian / 1000).toFixed(2)} s, unchanged resync ${(resyncMedian / 1000).toFixed(2)} s`,
);
await rawConnection.end();
await app.close();
await ours.drop();
await raw.drop();
reportBench({ bench: 'writer-detail-vs-raw-sql', ours: Math.round(firstMedian), reference: Math.round(rawMedian), ratio: rawMedian / firstMedian, goal: '>= 0.6', unit: 'ms' });
reportBench({ bench: 'writer-detail-unchanged-resync', ours: Math.round(resyncMedian), reference: Math.round(firstMedian), ratio: firstMedian / resyncMedian, goal: '>= 3', unit: 'ms' });
