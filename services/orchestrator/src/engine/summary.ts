// What an operator sees of a run: counters, progress through the plan, ETA, error.
import { unavailableNote, type SyncAccepted, type SyncRun, type SyncRunSummary } from '@insightxi/contracts';
import { decodePosition } from './cursor.ts';
import { isPlan } from './plan.ts';

export const runLink = (id: number): string => `/sync/runs/${id}`;

/** The 202 body of a run just started or resumed; its `self` link is also the Location. */
export const accepted = (run: SyncRun): SyncAccepted => ({ runId: run.id, status: run.status, links: { self: runLink(run.id) } });

function progress(run: SyncRun): { done: number; total: number; current: string | null; skipped?: number } | null {
  if (!isPlan(run.plan)) return null;
  const total = run.plan.steps.length;
  let step: number;
  try {
    step = run.status === 'succeeded' ? total : Math.min(decodePosition(run.cursor).step, total);
  } catch {
    step = 0;
  }
  const skipped = run.plan.skipped;
  return { done: step, total, current: run.plan.steps[step]?.label ?? null, ...(skipped === undefined ? {} : { skipped }) };
}

export function toSummary(run: SyncRun, now: number): SyncRunSummary {
  const steps = progress(run);
  const started = Date.parse(run.startedAt);
  const finished = run.finishedAt === null ? null : Date.parse(run.finishedAt);
  const percentDone = steps === null ? null : steps.total === 0 ? 100 : Math.round((steps.done / steps.total) * 1000) / 10;
  let etaSeconds: number | null = null;
  if (run.status === 'running' && percentDone !== null && percentDone > 0 && percentDone < 100) {
    etaSeconds = Math.round(((now - started) / 1000) * ((100 - percentDone) / percentDone));
  } else if (run.status === 'succeeded') {
    etaSeconds = 0;
  }
  return {
    runId: run.id,
    entity: run.entity,
    mode: run.mode,
    status: run.status,
    scope: run.scope,
    counters: run.counters,
    percentDone,
    etaSeconds,
    steps,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    heartbeatAt: run.heartbeatAt,
    ...(run.detail === undefined ? {} : { detail: { ...run.detail, notes: run.detail.unavailable.map(unavailableNote) } }),
    durationMs: finished === null ? null : finished - started,
    // An empty error is no error (a writer may serialise a null column as '').
    error: run.error === null || run.error === '' ? null : { message: run.error, requestId: run.errorRequestId === '' ? null : run.errorRequestId },
    links: { self: runLink(run.id) },
  };
}
