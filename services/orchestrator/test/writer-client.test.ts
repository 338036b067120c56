// The orchestrator's writer client against the real writer (in-process, on its own database):
// what the engine relies on — runs leased once per scope, conflicts naming the active run,
// compare-and-set take-overs, and the look-ups the re-checks make — holds over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, MIGRATIONS_DIR, readConfig } from '@insightxi/database';
import { createServiceClient, type ServiceClient } from '@insightxi/http-client';
import { createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import type { App } from '@insightxi/service-kit';
import { listenEphemeral } from '@insightxi/service-kit/testing';
import { httpWriter } from '../src/clients/writer-client.ts';
import { DependencyError, RunConflictError } from '../src/engine/errors.ts';
import type { Writer } from '../src/engine/ports.ts';

const TOKEN = 'writer-client-test-token';
let db: TestDatabase;
let writerApp: App;
let client: ServiceClient;
let writer: Writer;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'orch_writer_client', migrationsDir: MIGRATIONS_DIR });
  writerApp = await buildApp(readConfig({ DATABASE_URL: db.url, INTERNAL_TOKEN: TOKEN, LOG_LEVEL: 'silent' }), { underPressure: { maxEventLoopDelay: 0 } });
  url = await listenEphemeral(writerApp);
  client = createServiceClient({ name: 'database', baseUrl: url, token: TOKEN, retries: { retries: 0 } });
  writer = httpWriter(client);
  // A migrated database of its own on a shared, busy MariaDB.
}, 60_000);
afterAll(async () => {
  await client.close();
  await writerApp.close();
  await db.drop();
});

const FLAGS = ['isLive', 'isFinalState', 'isFinalStandingState', 'isCancelled', 'isCompleted', 'isDeleted', 'isNotStarted'] as const;
/** A fixture state named `code` whose flags are false but those given. */
const state = (id: number, code: string, flags: Partial<Record<(typeof FLAGS)[number], boolean>>) => ({
  ...Object.fromEntries(FLAGS.map((flag) => [flag, flags[flag] === true])),
  ...{ id, state: code, name: code, shortName: code, developerName: code },
});

describe('the writer client', () => {
  it('leases one running run per scope: a second start and a resume into a busy scope name the active run', async () => {
    const scope = { entity: 'fixtures' as const, mode: 'full' as const, scope: { mode: 'full' }, scopeKey: 'fixtures|full|client-test' };
    const first = await writer.createRun(scope, { requestId: 'lease-1' });
    const second = await writer.createRun(scope, {}).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(RunConflictError);
    expect((second as RunConflictError).activeRunId).toBe(first.id);

    await writer.patchRun(first.id, { status: 'failed', error: 'down' }, {});
    const replacement = await writer.createRun(scope, {});
    const resumed = await writer.patchRun(first.id, { status: 'running' }, {}).catch((error: unknown) => error);
    expect(resumed).toBeInstanceOf(RunConflictError);
    expect((resumed as RunConflictError).activeRunId).toBe(replacement.id);
  });

  it('lets one of two processes take a run over: a stale heartbeat is a conflict', async () => {
    const run = await writer.createRun({ entity: 'states', mode: 'full', scope: { mode: 'full' }, scopeKey: 'states|full|take-over' }, {});
    const claimed = await writer.patchRun(run.id, { heartbeat: true, ifHeartbeatAt: run.heartbeatAt }, {});
    expect(claimed.heartbeatAt >= run.heartbeatAt).toBe(true);
    const late = await writer.patchRun(run.id, { heartbeat: true, ifHeartbeatAt: '2000-01-01T00:00:00.000Z' }, {}).catch((error: unknown) => error);
    expect(late).toBeInstanceOf(RunConflictError);
    expect((late as RunConflictError).activeRunId).toBe(run.id);
  });

  it('reads a run, answers null for one that does not exist, and lists runs by status', async () => {
    const run = await writer.createRun({ entity: 'teams', mode: 'full', scope: { mode: 'full' }, scopeKey: 'teams|full|read' }, {});
    expect((await writer.getRun(run.id, {}))?.scopeKey).toBe('teams|full|read');
    expect(await writer.getRun(99_999_999, {})).toBeNull();
    const running = await writer.listRuns({ status: 'running', limit: 200 }, {});
    expect(running.items.map((r) => r.id)).toContain(run.id);
    expect(running.items.every((r) => r.status === 'running')).toBe(true);
  });

  it('lands records, reads back the states with their flags and the fixtures the re-checks look for, keeps rejects', async () => {
    const states = [state(1, 'NS', { isNotStarted: true }), state(2, 'INPLAY_1ST_HALF', { isLive: true }), state(5, 'FT', { isFinalState: true })];
    expect(await writer.bulk('states', { records: states }, {})).toMatchObject({ created: 3, failed: [] });
    expect((await writer.listStates({})).map((s) => [s.id, s.isLive, s.isFinalState, s.isNotStarted])).toEqual([
      [1, false, false, true],
      [2, true, false, false],
      [5, false, true, false],
    ]);
    expect(await writer.listFixtures({ state: 1, deleted: false, limit: 10 }, {})).toEqual({ items: [], next: null });
    expect(await writer.seasonSyncs({})).toEqual([]);
    expect(await writer.seasonTeams(99_999, {})).toEqual([]);
    await writer.quarantine([{ entity: 'fixtures', sourceId: 42, reason: 'no home participant', payload: { id: 42 } }], {});
    const stored = await client.request({ method: 'GET', path: '/quarantine', query: { entity: 'fixtures' } });
    expect(stored).toMatchObject({ items: [{ sourceId: 42, reason: 'no home participant' }] });
  });

  it('reports a refusal as permanent and an unreachable writer as worth retrying', async () => {
    const wrongToken = createServiceClient({ name: 'database', baseUrl: url, token: 'not-the-writer-token', retries: { retries: 0 } });
    const refused = await httpWriter(wrongToken).listRuns({}, {}).catch((error: unknown) => error);
    await wrongToken.close();
    expect(refused).toBeInstanceOf(DependencyError);
    expect(refused).toMatchObject({ service: 'database', status: 401, transient: false });

    const nowhere = createServiceClient({ name: 'database', baseUrl: 'http://127.0.0.1:9', retries: { retries: 0 } });
    const down = await httpWriter(nowhere).getRun(1, {}).catch((error: unknown) => error);
    await nowhere.close();
    expect(down).toMatchObject({ service: 'database', transient: true });
  });
});
