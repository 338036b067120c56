// Writer throughput: 10,000 fixtures with scores through POST /fixtures/bulk over HTTP, in the
// batches the orchestrator sends (1,000), side by side with a raw multi-row
// INSERT … ON DUPLICATE KEY UPDATE of the same rows on the same MySQL (the floor: no HTTP, no
// validation, no change detection). Goal: raw time / our time >= 0.5. Also the identical reload.
//   pnpm --filter @insightxi/bench run bench:writer
import mariadb from 'mariadb';
import { request } from 'undici';
import type { BulkResult, Fixture } from '@insightxi/contracts';
import { buildApp, MIGRATIONS_DIR, readConfig } from '@insightxi/database';
import { connectionConfig, createTestDatabase } from '@insightxi/mysql';
import { fixtureScores, FIXTURE_COLUMNS, fixtureRow, parents, reference, SCORE_COLUMNS, scoreRow, benchFixtures } from './writer-data.ts';
import { reportBench } from './bench-result.ts';

const FIXTURES = Number(process.env.BENCH_FIXTURES ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOKEN = 'bench-internal-token-0123456789';

const ours = await createTestDatabase({ prefix: 'bench_writer_api', migrationsDir: MIGRATIONS_DIR });
const raw = await createTestDatabase({ prefix: 'bench_writer_raw', migrationsDir: MIGRATIONS_DIR });

// A loaded shared machine slows the event loop; measure the writer, not its load shedding.
const UNDER_PRESSURE_OFF = { maxEventLoopDelay: 0 };
const writerConfig = (url: string, poolSize: number) =>
  readConfig({ DATABASE_URL: url, INTERNAL_TOKEN: TOKEN, DATABASE_POOL_SIZE: String(poolSize), BULK_CHUNK_SIZE: String(BATCH), LOG_LEVEL: 'warn' });
const app = await buildApp(writerConfig(ours.url, 10), { underPressure: UNDER_PRESSURE_OFF });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
const base = `http://127.0.0.1:${String(address.port)}`;

async function post(entity: string, records: unknown[]): Promise<BulkResult> {
  const response = await request(`${base}/${entity}/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ records }),
  });
  const body = (await response.body.json()) as BulkResult;
  if (response.statusCode !== 200) throw new Error(`${entity}/bulk answered ${String(response.statusCode)}: ${JSON.stringify(body)}`);
  return body;
}

const rawConnection = await mariadb.createConnection({ ...connectionConfig(raw.url), timezone: 'Z' });

async function rawLoad(fixtures: readonly Fixture[], now: Date): Promise<void> {
  const fixtureUpdate = FIXTURE_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `${c} = VALUES(${c})`).join(', ');
  const scoreUpdate = SCORE_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `${c} = VALUES(${c})`).join(', ');
  for (let i = 0; i < fixtures.length; i += BATCH) {
    const batch = fixtures.slice(i, i + BATCH);
    const scores = batch.flatMap(fixtureScores);
    await rawConnection.beginTransaction();
    await rawConnection.query(
      `INSERT INTO fixtures (${FIXTURE_COLUMNS.join(', ')}) VALUES ${batch.map(() => `(${FIXTURE_COLUMNS.map(() => '?').join(', ')})`).join(', ')} ON DUPLICATE KEY UPDATE ${fixtureUpdate}`,
      batch.flatMap((f) => fixtureRow(f, now)),
    );
    await rawConnection.query(
      `INSERT INTO fixture_scores (${SCORE_COLUMNS.join(', ')}) VALUES ${scores.map(() => `(${SCORE_COLUMNS.map(() => '?').join(', ')})`).join(', ')} ON DUPLICATE KEY UPDATE ${scoreUpdate}`,
      scores.flatMap((s) => scoreRow(s, now)),
    );
    await rawConnection.commit();
  }
}

async function apiLoad(fixtures: readonly Fixture[]): Promise<BulkResult> {
  const total: BulkResult = { created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: false };
  for (let i = 0; i < fixtures.length; i += BATCH) {
    const result = await post('fixtures', fixtures.slice(i, i + BATCH));
    total.created += result.created;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    total.failed.push(...result.failed);
  }
  return total;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

// Parents, untimed, in both databases: the dictionaries their foreign keys point at first.
const p = { ...reference(), ...parents() };
for (const [entity, records] of Object.entries(p)) await post(entity, records);
await (async () => {
  const rawApp = await buildApp(writerConfig(raw.url, 2), { underPressure: UNDER_PRESSURE_OFF });
  for (const [entity, records] of Object.entries(p)) await rawApp.inject({ method: 'POST', url: `/${entity}/bulk`, headers: { authorization: `Bearer ${TOKEN}` }, payload: { records } });
  await rawApp.close();
})();

const first = benchFixtures(FIXTURES, 0);
const changed = benchFixtures(FIXTURES, 1);
const now = new Date();

async function clear(): Promise<void> {
  for (const url of [raw.url, ours.url]) {
    const c = await mariadb.createConnection(connectionConfig(url));
    await c.query('DELETE FROM fixture_scores');
    await c.query('DELETE FROM fixtures');
    await c.end();
  }
}

// Warm both paths (JIT, connection pools) on a slice, then measure ROUNDS rounds, raw and ours
// interleaved, and keep the median of each: the machine is shared and timings drift.
await rawLoad(first.slice(0, BATCH), now);
await apiLoad(first.slice(0, BATCH));
type Measure = { ms: number; result: BulkResult };
const runs: Record<'rawFirst' | 'apiFirst' | 'rawChanged' | 'apiChanged' | 'rawSame' | 'apiSame', Measure[]> = {
  rawFirst: [], apiFirst: [], rawChanged: [], apiChanged: [], rawSame: [], apiSame: [],
};
const none: BulkResult = { created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: false };
const pair = async (rawWork: () => Promise<void>, apiWork: () => Promise<BulkResult>, rawFirstInRound: boolean): Promise<[Measure, Measure]> => {
  if (rawFirstInRound) {
    const r = { ...(await timed(rawWork)), result: none };
    return [r, await timed(apiWork)];
  }
  const a = await timed(apiWork);
  return [{ ...(await timed(rawWork)), result: none }, a];
};
for (let round = 0; round < ROUNDS; round++) {
  // Alternate who goes first: background work MySQL leaves behind lands on the other one.
  const rawLeads = round % 2 === 0;
  await clear();
  const [rf, af] = await pair(() => rawLoad(first, now), () => apiLoad(first), rawLeads);
  const [rc, ac] = await pair(() => rawLoad(changed, now), () => apiLoad(changed), rawLeads);
  const [rs, as] = await pair(() => rawLoad(changed, now), () => apiLoad(changed), rawLeads);
  runs.rawFirst.push(rf);
  runs.apiFirst.push(af);
  runs.rawChanged.push(rc);
  runs.apiChanged.push(ac);
  runs.rawSame.push(rs);
  runs.apiSame.push(as);
}
const median = (measures: Measure[]): Measure => {
  const sorted = [...measures].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no measurement');
  return middle;
};
const rawFirst = median(runs.rawFirst);
const apiFirst = median(runs.apiFirst);
const rawChanged = median(runs.rawChanged);
const apiChanged = median(runs.apiChanged);
const rawSame = median(runs.rawSame);
const apiSame = median(runs.apiSame);

const scores = first.reduce((n, f) => n + f.scores.length, 0);
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
const rate = (ms: number) => `${Math.round((FIXTURES / ms) * 1000).toLocaleString('en')} fixtures/s`.padStart(18);
const line = (label: string, rawMs: number, apiMs: number, counts: BulkResult): void => {
  console.log(
    `  ${label.padEnd(16)} raw ${fmt(rawMs)}  ours ${fmt(apiMs)} ${rate(apiMs)}  raw/ours ${(rawMs / apiMs).toFixed(2)}  ` +
      `(created ${String(counts.created)}, updated ${String(counts.updated)}, unchanged ${String(counts.unchanged)}, failed ${String(counts.failed.length)})`,
  );
};

console.log(`writer bulk upsert: ${FIXTURES.toLocaleString('en')} fixtures with ${scores.toLocaleString('en')} scores, batches of ${String(BATCH)}, median of ${String(ROUNDS)} rounds, POST /fixtures/bulk over HTTP vs raw INSERT … ON DUPLICATE KEY UPDATE`);
line('first load', rawFirst.ms, apiFirst.ms, apiFirst.result);
line('changed reload', rawChanged.ms, apiChanged.ms, apiChanged.result);
line('identical reload', rawSame.ms, apiSame.ms, apiSame.result);
console.log(`  identical reload through the API: ${fmt(apiSame.ms).trim()}`);

await rawConnection.end();
await app.close();
await ours.drop();
await raw.drop();
if (runs.apiFirst.some((r) => r.result.created !== FIXTURES) || runs.apiChanged.some((r) => r.result.updated !== FIXTURES) || runs.apiSame.some((r) => r.result.unchanged !== FIXTURES)) {
  console.error('counts are not exact');
  process.exit(1);
}
reportBench({ bench: 'writer-bulk-vs-raw-sql', ours: Math.round(apiFirst.ms), reference: Math.round(rawFirst.ms), ratio: rawFirst.ms / apiFirst.ms, goal: '>= 0.5', unit: 'ms' });
