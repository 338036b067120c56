// Owns the runs of this process: starts them (lease first, then plan, then pages), keeps
// their heartbeat, cancels and resumes them, and takes over runs a dead process left
// `running` with a stale heartbeat.
import type { RunCounters, SyncRun, SyncRunPatch, SyncScope } from '@insightxi/contracts';
import type { RunSettings } from '../config.ts';
import { addCounters } from './counters.ts';
import { DependencyError, RunCancelledError, RunConflictError } from './errors.ts';
import { executeRun } from './execute.ts';
import { buildPlan, frozenCheck, isPlan, type Plan } from './plan.ts';
import type { CallContext, Fetcher, Log, RunListFilter, RunObserver, RunTarget, Writer } from './ports.ts';
import { withRetry } from './retry.ts';
import { normalizeScope, scopeKey, scopeOfRun } from './scope.ts';
import { fetcherSeasonResolver } from './seasons.ts';

export interface ManagerDeps {
  fetcher: Fetcher;
  writer: Writer;
  log: Log;
  settings: RunSettings;
  now?: () => number;
  observer?: RunObserver | undefined;
}

/** The action does not fit the run's state (e.g. resuming a succeeded run). */
export class RunStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunStateError';
  }
}

export class RunNotFoundError extends Error {
  constructor(id: number) {
    super(`run ${id} not found`);
    this.name = 'RunNotFoundError';
  }
}

class ShutdownError extends Error {
  constructor() {
    super('the orchestrator is shutting down');
    this.name = 'ShutdownError';
  }
}

interface LocalRun {
  controller: AbortController;
  done: Promise<SyncRun>;
}

export interface Launched {
  run: SyncRun;
  /** Settles when the run ends, with its final state; never rejects. */
  done: Promise<SyncRun>;
}

export class RunManager {
  private readonly local = new Map<number, LocalRun>();
  private readonly now: () => number;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: ManagerDeps) {
    this.now = deps.now ?? Date.now;
  }

  isLocal(id: number): boolean {
    return this.local.has(id);
  }

  async start(target: RunTarget, scope: SyncScope, ctx: CallContext): Promise<Launched> {
    if (this.closed) throw new RunStateError('the orchestrator is shutting down');
    const normalized = normalizeScope(target, scope);
    const run = await this.deps.writer.createRun({ entity: target, mode: normalized.mode, scope: normalized, scopeKey: scopeKey(target, normalized) }, ctx);
    this.deps.log.info({ runId: run.id, entity: target, scope: run.scope, requestId: ctx.requestId }, 'run started');
    return { run, done: this.launch(run, ctx.requestId ?? `run-${run.id}`) };
  }

  get(id: number, ctx: CallContext): Promise<SyncRun | null> {
    return this.deps.writer.getRun(id, ctx);
  }

  list(filter: RunListFilter, ctx: CallContext) {
    return this.deps.writer.listRuns(filter, ctx);
  }

  /** Waits for a run of this process to end; any other run is returned as it is now. */
  async wait(id: number, ctx: CallContext = {}): Promise<SyncRun | null> {
    return (await this.local.get(id)?.done) ?? this.deps.writer.getRun(id, ctx);
  }

  async cancel(id: number, ctx: CallContext): Promise<SyncRun> {
    const mine = this.local.get(id);
    if (mine) {
      mine.controller.abort(new RunCancelledError());
      return mine.done;
    }
    const run = await this.deps.writer.getRun(id, ctx);
    if (run === null) throw new RunNotFoundError(id);
    if (run.status !== 'running') throw new RunStateError(`run ${id} has already ended (${run.status})`);
    // Another process owns it: it sees the status at its next heartbeat and stops.
    return this.deps.writer.patchRun(id, { status: 'cancelled' }, ctx);
  }

  async resume(id: number, ctx: CallContext): Promise<Launched> {
    if (this.closed) throw new RunStateError('the orchestrator is shutting down');
    if (this.local.has(id)) throw new RunStateError(`run ${id} is running`);
    const run = await this.deps.writer.getRun(id, ctx);
    if (run === null) throw new RunNotFoundError(id);
    if (run.status === 'succeeded') throw new RunStateError(`run ${id} has already succeeded`);
    if (run.status === 'running' && !this.isStale(run)) throw new RunStateError(`run ${id} is running in another process`);
    // Compare-and-set on the heartbeat we saw: of two processes resuming it, one gets a 409.
    const claimed = await this.deps.writer.patchRun(id, { status: 'running', error: null, errorRequestId: null, heartbeat: true, ifHeartbeatAt: run.heartbeatAt }, ctx);
    this.deps.log.info({ runId: id, cursor: claimed.cursor, counters: claimed.counters, requestId: ctx.requestId }, 'run resumed');
    return { run: claimed, done: this.launch(claimed, ctx.requestId ?? `resume-${id}`) };
  }

  /** Takes over runs left `running` by a process that died; returns their ids. */
  async recoverStale(): Promise<number[]> {
    const recovered: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.writer.listRuns({ status: 'running', limit: 100, ...(cursor === undefined ? {} : { cursor }) }, {});
      for (const run of page.items) {
        if (this.closed || this.local.has(run.id) || run.status !== 'running' || !this.isStale(run)) continue;
        const claimed = await this.claim(run);
        if (claimed?.status !== 'running') continue;
        this.deps.log.warn({ runId: run.id, heartbeatAt: run.heartbeatAt, cursor: run.cursor }, 'resuming a run left running by a dead process');
        void this.launch(claimed, `recover-${run.id}`);
        recovered.push(run.id);
      }
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return recovered;
  }

  /** Sweeps for stale runs now and then every `everyMs` until close(). */
  startRecovery(everyMs: number): void {
    const sweep = () => {
      this.recoverStale().catch((error: unknown) => {
        this.deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'stale-run sweep failed');
      });
    };
    sweep();
    this.recoveryTimer = setInterval(sweep, everyMs);
    this.recoveryTimer.unref();
  }

  /** Stops local runs without marking them: another process (or this one restarted) resumes them. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    for (const run of this.local.values()) run.controller.abort(new ShutdownError());
    await Promise.all([...this.local.values()].map((run) => run.done));
  }

  /** Takes a stale run over only if its heartbeat is still the one seen: two sweeping processes never both run it. */
  private async claim(run: SyncRun): Promise<SyncRun | null> {
    try {
      return await this.deps.writer.patchRun(run.id, { heartbeat: true, ifHeartbeatAt: run.heartbeatAt }, {});
    } catch (error) {
      if (!(error instanceof RunConflictError)) throw error;
      this.deps.log.info({ runId: run.id }, 'another process took the stale run over first');
      return null;
    }
  }

  private isStale(run: SyncRun): boolean {
    return this.now() - Date.parse(run.heartbeatAt) > this.deps.settings.STALE_AFTER_MS;
  }

  private launch(run: SyncRun, requestId: string): Promise<SyncRun> {
    const controller = new AbortController();
    const done = this.drive(run, controller, requestId).finally(() => this.local.delete(run.id));
    this.local.set(run.id, { controller, done });
    return done;
  }

  private async patchWithRetry(id: number, patch: SyncRunPatch, requestId: string): Promise<SyncRun | null> {
    try {
      return await withRetry(() => this.deps.writer.patchRun(id, patch, { requestId }), this.deps.settings);
    } catch (error) {
      // The run stays `running` with a heartbeat going stale: the next sweep resumes it.
      this.deps.log.error({ runId: id, patch, err: error instanceof Error ? error.message : String(error) }, 'could not record the run state');
      return null;
    }
  }

  private startHeartbeat(id: number, controller: AbortController, requestId: string): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.deps.writer.patchRun(id, { heartbeat: true }, { requestId }).then(
        (run) => {
          if (run.status !== 'running' && !controller.signal.aborted) {
            this.deps.log.info({ runId: id, status: run.status }, 'run stopped from elsewhere');
            controller.abort(new RunCancelledError(`run ${id} was set ${run.status} from elsewhere`));
          }
        },
        (error: unknown) => {
          this.deps.log.warn({ runId: id, err: error instanceof Error ? error.message : String(error) }, 'heartbeat failed');
        },
      );
    }, this.deps.settings.HEARTBEAT_MS);
    timer.unref();
    return timer;
  }

  /** The run's plan: the stored one when it has one (a resume), else made now and stored with it. */
  private async planOf(run: SyncRun, ctx: CallContext & { signal: AbortSignal }): Promise<{ run: SyncRun; plan: Plan }> {
    if (isPlan(run.plan)) return { run, plan: run.plan };
    const { writer, fetcher, log, settings } = this.deps;
    const retry = { signal: ctx.signal };
    const frozen = async () => frozenCheck(await withRetry(() => writer.seasonSyncs(ctx), settings, retry));
    const today = new Date(this.now()).toISOString().slice(0, 10);
    const made = await buildPlan(run.entity, scopeOfRun(run), fetcherSeasonResolver(fetcher, settings, ctx), today, frozen);
    const plan = made.plan;
    const counters = made.resolution ? addCounters(run.counters, { upstreamCalls: made.resolution.upstreamCalls, rateLimitWaitMs: made.resolution.rateLimitWaitMs }) : run.counters;
    const planned = await withRetry(() => writer.patchRun(run.id, { plan, counters }, ctx), settings, retry);
    log.info({ runId: run.id, steps: plan.steps.length, skippedFrozen: plan.skipped ?? 0, seasons: plan.resolvedSeasons }, 'run planned');
    return { run: planned, plan };
  }

  private async drive(initial: SyncRun, controller: AbortController, requestId: string): Promise<SyncRun> {
    const { signal } = controller;
    const ctx = { signal, requestId };
    const heartbeat = this.startHeartbeat(initial.id, controller, requestId);
    const startedAt = this.now();
    let run = initial;
    let committed: RunCounters = initial.counters;
    try {
      const planned = await this.planOf(run, ctx);
      run = planned.run;
      committed = run.counters;
      const { fetcher, writer, log, settings, observer } = this.deps;
      const result = await executeRun(
        { fetcher, writer, log, settings, now: this.now, observer },
        { run, plan: planned.plan, signal, requestId, onProgress: (counters) => (committed = counters) },
      );
      // The writer's counters are exact (each page adds its share in its own transaction): the finish sets the status only.
      const final = (await this.patchWithRetry(run.id, { status: 'succeeded', error: null, errorRequestId: null }, requestId)) ?? { ...run, counters: result.counters };
      return this.ended(final, 'succeeded', final.counters, startedAt);
    } catch (error) {
      return await this.stopped(run, signal.aborted ? signal.reason : error, committed, requestId, startedAt);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** How a run that did not succeed is recorded: interrupted by shutdown, cancelled, or failed. */
  private async stopped(run: SyncRun, reason: unknown, committed: RunCounters, requestId: string, startedAt: number): Promise<SyncRun> {
    if (reason instanceof ShutdownError) {
      this.deps.log.warn({ runId: run.id, ...committed }, 'run interrupted by shutdown; it resumes from its checkpoint');
      return (await this.deps.writer.getRun(run.id, {}).catch(() => null)) ?? run;
    }
    if (reason instanceof RunCancelledError) {
      const final = (await this.patchWithRetry(run.id, { status: 'cancelled' }, requestId)) ?? run;
      return this.ended(final, 'cancelled', committed, startedAt);
    }
    const message = describe(reason, run.id);
    const errorRequestId = reason instanceof DependencyError && reason.requestId !== null ? reason.requestId : requestId;
    const final = (await this.patchWithRetry(run.id, { status: 'failed', error: message, errorRequestId }, requestId)) ?? run;
    return this.ended({ ...final, status: 'failed', error: message, errorRequestId }, 'failed', committed, startedAt, final);
  }

  /** Logs the run's end and tells the observer; returns the run as recorded (`recorded`, when it differs from what is reported). */
  private ended(run: SyncRun, status: 'succeeded' | 'failed' | 'cancelled', counters: RunCounters, startedAt: number, recorded: SyncRun = run): SyncRun {
    const line = { runId: run.id, entity: run.entity, status, ...counters, durationMs: this.now() - startedAt };
    if (status === 'failed') this.deps.log.error({ ...line, err: run.error, errorRequestId: run.errorRequestId }, 'run finished');
    else this.deps.log.info(line, 'run finished');
    this.deps.observer?.runEnded(run.entity, status, run);
    return recorded;
  }
}

function describe(error: unknown, runId: number): string {
  if (error instanceof DependencyError) return `${error.message} (resumable: POST /sync/runs/${runId}/resume)`;
  if (error instanceof RunConflictError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
