// The chaos scenarios, one table row each. Every one syncs everything (`seasons=all`) of a small
// frozen simulator into a fresh database while something goes wrong, then lets the row compare
// MySQL with the simulator's ground truth.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SyncRunSummary } from '@insightxi/contracts';
import { findMariadbd, privateServer } from '@insightxi/mysql';
import type { FaultKind, FaultOptions } from '@insightxi/sportmonks-sim';
import { freePort, type ServiceName } from '@insightxi/stack';
import type { ChaosContext, Scenario } from './harness.ts';
import { incomingOf } from './log-lines.ts';
import { primeRateLimitWindows, unprimed } from './rate-windows.ts';
import { brokenRow, runScenario, type ChaosRow, type Outcome } from './row.ts';
import { onInterrupt } from './teardown.ts';

const ALL = '/sync/all?seasons=all';
const RUN_TIMEOUT_MS = 150_000;
/** Every SportMonks answer 100–200 ms late, so that a kill lands while the run is under way. */
const SLOW: FaultOptions = { latency: { rate: 1, minMs: 100, maxMs: 200 } };
/** Pages landed before the damage is done: well into the run, far from its end. */
const MIDWAY_PAGES = 4;
const DAY_MS = 86_400_000;
/**
 * Longer than the writer waits for a connection (it then answers 5xx), shorter than the
 * orchestrator's retry window for a page (12 attempts, ≈ 19 s of backoff plus each wait).
 */
const MYSQL_DOWN_MS = 15_000;

export const FAULTS: FaultOptions = {
  errorRate: 0.1,
  hangRate: 0.02,
  hangMs: 5_000,
  truncateRate: 0.01,
  malformedRate: 0.05,
  rateLimitBurst: { rate: 0.02, length: 1 },
  duplicateRate: 0.2,
};

/** Faults are decided from (seed, call number): with this seed the faults row's calls meet every kind. */
const FAULTS_SEED = 45;
const FAULT_KINDS_WANTED: readonly FaultKind[] = ['error5xx', 'hang', 'truncate', 'malformed', 'rateLimitBurst', 'duplicate'];

export interface ChaosScenario {
  /** Selects the scenario on the command line. */
  key: string;
  run(context: ChaosContext): Promise<ChaosRow>;
}

function expectStatus(run: SyncRunSummary, want: string, problems: string[], what = 'the run'): void {
  if (run.status !== want) problems.push(`${what} ended ${run.status}, not ${want}${run.error ? `: ${run.error.message}` : ''}`);
}

/** Starts a full sync and waits until it has landed a few pages; fails the row if it ended first. */
async function midway(scenario: Scenario, problems: string[]): Promise<number> {
  const runId = await scenario.start(ALL);
  const run = await scenario.waitFor(runId, 60_000, (r) => r.counters.pages >= MIDWAY_PAGES || r.status !== 'running');
  if (run.status !== 'running') problems.push(`the run was already ${run.status} before the damage`);
  return runId;
}

/** Resolves with what `match` makes of the first log line it accepts, after `act` has run on it; rejects after the timeout. */
function onLine<T>(scenario: Scenario, timeoutMs: number, match: (line: string) => T | null, act: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no matching log line within ${String(timeoutMs)} ms`));
    }, timeoutMs);
    scenario.watchLines((line) => {
      const hit = match(line);
      if (hit === null) return false;
      act();
      clearTimeout(timer);
      resolve(hit);
      return true;
    });
  });
}

async function restart(scenario: Scenario, name: ServiceName): Promise<void> {
  scenario.stack.services[name].start();
  await scenario.stack.services[name].waitReady();
}

/** Every day with a fixture, as a date-range scope: paged `between` windows, where pages can repeat records. */
function fixtureSpan(scenario: Scenario): string {
  const days = scenario.simulator
    .dataset()
    .fixtures.map((f) => String(f.starting_at).slice(0, 10))
    .sort();
  return `from=${days[0] ?? ''}&to=${days.at(-1) ?? ''}`;
}

const faults: ChaosScenario = {
  key: 'faults',
  run: (context) =>
    runScenario('simulator faults', context, { slug: 'faults', simulator: { seed: FAULTS_SEED, leagues: 3, seasonsPerLeague: 3 } }, async (s): Promise<Outcome> => {
      const primed = await primeRateLimitWindows(s.simulator, context.sportmonksToken);
      s.simulator.setFaults(FAULTS);
      // The full sync reads season schedules (one call each); the date-range sync pages through
      // `between` windows, which is where SportMonks repeats records across pages.
      const all = await s.waitFor(await s.start(ALL), RUN_TIMEOUT_MS);
      const range = await s.waitFor(await s.start(`/sync/fixtures?${fixtureSpan(s)}`), RUN_TIMEOUT_MS);
      s.simulator.setFaults({});
      const stats = s.simulator.stats();
      const met = stats.faults;
      const problems: string[] = [];
      expectStatus(all, 'succeeded', problems, 'the full sync');
      expectStatus(range, 'succeeded', problems, 'the date-range sync');
      const unmet = FAULT_KINDS_WANTED.filter((kind) => met[kind] === 0);
      if (unmet.length > 0) problems.push(`never met ${unmet.join(', ')}: the row proves nothing about them`);
      const late = unprimed(s.simulator, primed);
      if (late.length > 0) problems.push(`no rate-limit window primed for ${late.join(', ')}: a 429 there pauses the run for an hour`);
      return {
        status: `${all.status} + ${range.status}`,
        problems,
        notes: [
          `faults met in ${String(stats.requests)} calls: ${String(met.error5xx)} 5xx, ${String(met.hang)} hung, ${String(met.truncate)} truncated, ` +
            `${String(met.malformed)} bad records, ${String(met.rateLimitBurst)} 429 bursts, ${String(met.duplicate)} pages repeating a record`,
        ],
      };
    }),
};

const mysqlRestart: ChaosScenario = {
  key: 'mysql',
  async run(context) {
    const name = 'MySQL restarted mid-sync';
    if (!findMariadbd()) return brokenRow(name, new Error('no mariadbd on this machine to run a private server'), 0);
    const dir = await mkdtemp(join(tmpdir(), 'insightxi-chaos-mysql-'));
    const server = privateServer({ dir, port: await freePort() });
    const removeServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
    const forget = onInterrupt(removeServer);
    try {
      await server.start();
      return await runScenario(name, context, { slug: 'mysql', serverUrl: server.url, faults: SLOW }, async (s): Promise<Outcome> => {
        const problems: string[] = [];
        const runId = await midway(s, problems);
        const down = performance.now();
        await server.stop();
        await sleep(MYSQL_DOWN_MS);
        await server.start();
        const downMs = performance.now() - down;
        s.simulator.setFaults({});
        const run = await s.waitFor(runId, RUN_TIMEOUT_MS);
        expectStatus(run, 'succeeded', problems);
        return { status: run.status, problems, notes: [`MySQL was down ${(downMs / 1000).toFixed(1)} s`] };
      });
    } finally {
      forget();
      await removeServer();
    }
  },
};

interface Victim {
  service: ServiceName;
  match: (method: string, url: string) => boolean;
  /** Logged by the service when it has done that request's work; its absence proves the kill landed mid-request. */
  doneMarker: string;
}

/** SIGKILLs a service the moment it logs a request `match` accepts, restarts it, lets the run finish. */
function killOnRequest(key: string, name: string, { service, match, doneMarker }: Victim): ChaosScenario {
  return {
    key,
    run: (context) =>
      runScenario(name, context, { slug: key, faults: SLOW }, async (s): Promise<Outcome> => {
        const problems: string[] = [];
        const runId = await midway(s, problems);
        const victim = await onLine(
          s,
          30_000,
          (line) => {
            const incoming = incomingOf(line);
            if (incoming?.service !== service || !match(incoming.method, incoming.url)) return null;
            return { line, what: `${incoming.method} ${incoming.url.split('?')[0] ?? ''}` };
          },
          () => void s.stack.services[service].stop('SIGKILL'),
        );
        await s.stack.services[service].stop('SIGKILL');
        // The work may have been done in the same chunk of output as the request: read what is left.
        await sleep(200);
        const lines = s.stack.services[service].recentLines;
        const after = lines.slice(lines.findIndex((line) => `[${service}] ${line}` === victim.line) + 1);
        if (after.some((line) => line.includes(doneMarker))) problems.push(`the kill came after ${victim.what} was done: it did not land mid-request`);
        await restart(s, service);
        s.simulator.setFaults({});
        const run = await s.waitFor(runId, RUN_TIMEOUT_MS);
        expectStatus(run, 'succeeded', problems);
        return { status: run.status, problems, notes: [`${service} SIGKILLed with ${victim.what} in flight`] };
      }),
  };
}

// The fixtures' batches are the largest: the kill lands while one is being written.
const writerKill = killOnRequest('writer', 'writer killed mid-batch', {
  service: 'database',
  match: (method, url) => method === 'POST' && url.startsWith('/fixtures/bulk'),
  // One batch in flight at a time: a `bulk applied` after it would be this batch's.
  doneMarker: '"bulk applied"',
});
const fetcherKill = killOnRequest('fetcher', 'fetcher killed mid-fetch', {
  service: 'sportmonks',
  match: (method, url) => method === 'GET' && !url.startsWith('/health') && !url.startsWith('/metrics'),
  doneMarker: '"request completed"',
});

const orchestratorKill: ChaosScenario = {
  key: 'orchestrator',
  run: (context) =>
    runScenario('orchestrator SIGKILL, auto-resume', context, { slug: 'orchestrator', faults: SLOW, env: { STALE_AFTER_MS: '1500' } }, async (s): Promise<Outcome> => {
      const problems: string[] = [];
      const runId = await midway(s, problems);
      await s.stack.services.orchestrator.stop('SIGKILL');
      await restart(s, 'orchestrator');
      s.simulator.setFaults({});
      // Nobody calls resume: the new process must take the stale run over by itself.
      const run = await s.waitFor(runId, RUN_TIMEOUT_MS);
      expectStatus(run, 'succeeded', problems);
      return { status: run.status, problems, notes: [] };
    }),
};

const simulatorDown: ChaosScenario = {
  key: 'simulator-down',
  run: (context) =>
    runScenario(
      'simulator down past the retries, resume',
      context,
      // A retry window of well under a second, so that the outage outlasts it quickly.
      { slug: 'simdown', faults: SLOW, env: { RETRY_ATTEMPTS: '3', RETRY_INITIAL_DELAY_MS: '100', RETRY_MAX_DELAY_MS: '300', SPORTMONKS_RETRIES: '1', SPORTMONKS_MAX_RETRY_TIME_MS: '1000' } },
      async (s): Promise<Outcome> => {
        const problems: string[] = [];
        const runId = await midway(s, problems);
        await s.stopSimulator();
        const failed = await s.waitFor(runId, 60_000);
        expectStatus(failed, 'failed', problems, 'the run without SportMonks');
        const message = failed.error?.message ?? '';
        if (!/unavailable after \d+ attempts/.test(message) || !message.includes(`/sync/runs/${String(runId)}/resume`)) {
          problems.push(`the failure does not say clearly what happened and how to resume: "${message}"`);
        }
        await s.restartSimulator();
        const resumed = await s.post(`/sync/runs/${String(runId)}/resume`);
        if (resumed.status !== 202) problems.push(`resume answered ${String(resumed.status)}, not 202`);
        const run = await s.waitFor(runId, RUN_TIMEOUT_MS);
        expectStatus(run, 'succeeded', problems, 'the resumed run');
        return { status: `${failed.status} → resumed → ${run.status}`, problems, notes: [`failure: ${message.slice(0, 200)}`] };
      },
    ),
};

const twinSyncs: ChaosScenario = {
  key: 'twin-syncs',
  run: (context) =>
    runScenario('two identical syncs at once', context, { slug: 'twins' }, async (s): Promise<Outcome> => {
      const problems: string[] = [];
      const answers = await Promise.all([s.post(ALL), s.post(ALL)]);
      const codes = answers.map((a) => a.status).sort();
      if (codes.join() !== '202,409') problems.push(`answered ${codes.join(' and ')}, not one 202 and one 409`);
      const accepted = answers.find((a) => a.status === 202);
      const refused = answers.find((a) => a.status === 409);
      if (accepted && refused && refused.body.activeRunId !== accepted.body.runId) problems.push('the 409 does not name the active run');
      if (!accepted) return { status: 'not started', problems, notes: [] };
      const run = await s.waitFor(accepted.body.runId as number, RUN_TIMEOUT_MS);
      expectStatus(run, 'succeeded', problems);
      return { status: `${run.status} (${codes.join(' + ')})`, problems, notes: [] };
    }),
};

const allBesideIncremental: ChaosScenario = {
  key: 'all-beside-incremental',
  run: (context) =>
    runScenario('sync all beside an incremental', context, { slug: 'allincr' }, async (s): Promise<Outcome> => {
      const problems: string[] = [];
      // The nightly reconcile and the frequent incremental of a live deployment: data already
      // there, three days of results, postponements and renames to pick up, both at once.
      expectStatus(await s.waitFor(await s.start(ALL), RUN_TIMEOUT_MS), 'succeeded', problems, 'the initial sync');
      const changed = s.simulator.advanceClock(3 * DAY_MS).fixtureIds.length;
      // The window around SportMonks' today: the simulator's clock is not this machine's.
      const now = s.simulator.now();
      const window = `from=${isoDay(now - 7 * DAY_MS)}&to=${isoDay(now + 7 * DAY_MS)}`;
      const [all, incremental] = await Promise.all([s.start(ALL), s.start(`/sync/fixtures?mode=incremental&${window}`)]);
      const [a, b] = await Promise.all([s.waitFor(all, RUN_TIMEOUT_MS), s.waitFor(incremental, RUN_TIMEOUT_MS)]);
      expectStatus(a, 'succeeded', problems, 'the full sync');
      expectStatus(b, 'succeeded', problems, 'the incremental sync');
      if (b.counters.fetched === 0) problems.push('the incremental sync fetched nothing: nothing ran beside the full sync');
      return {
        status: `${a.status} + ${b.status}`,
        problems,
        notes: [`${String(changed)} fixtures changed at the source; full: ${counts(a)}; incremental: ${counts(b)}`],
      };
    }),
};

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const counts = (run: SyncRunSummary): string => {
  const c = run.counters;
  return `fetched ${String(c.fetched)}, created ${String(c.created)}, updated ${String(c.updated)}, unchanged ${String(c.unchanged)}, quarantined ${String(c.quarantined)}`;
};

export const SCENARIOS: readonly ChaosScenario[] = [faults, mysqlRestart, writerKill, fetcherKill, orchestratorKill, simulatorDown, twinSyncs, allBesideIncremental];
