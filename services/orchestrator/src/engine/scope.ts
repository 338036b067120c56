// A run's scope in canonical form (RunScope in packages/contracts), made once when the run starts
// and stored with it, and the key that makes two requests "the same run" for the
// one-running-run-per-scope rule.
import { createHash } from 'node:crypto';
import { RunScope, dateRangeProblem, type SyncRun, type SyncScope } from '@insightxi/contracts';
import { Value } from '@sinclair/typebox/value';
import type { RunTarget } from './ports.ts';

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

const sortedUnique = (ids: number[] | undefined): number[] | undefined =>
  ids === undefined || ids.length === 0 ? undefined : [...new Set(ids)].sort((a, b) => a - b);

/** Checks what a request asks for and writes it the one way a run stores it. */
export function normalizeScope(target: RunTarget, scope: SyncScope): RunScope {
  const problem = dateRangeProblem(scope.from, scope.to);
  if (problem !== null) throw new ScopeError(problem);
  if (scope.from !== undefined && target !== 'fixtures' && target !== 'all') throw new ScopeError('from/to only apply to fixtures (or all)');
  const mode = scope.mode ?? 'full';
  if (mode === 'incremental' && target !== 'fixtures') throw new ScopeError('mode=incremental applies to fixtures only');
  const leagues = sortedUnique(scope.leagues);
  const seasons = sortedUnique(scope.seasons);
  return {
    mode,
    ...(leagues ? { leagues } : {}),
    ...(seasons ? { seasons } : {}),
    ...(seasons === undefined && scope.allSeasons === true ? { allSeasons: true as const } : {}),
    ...(scope.from !== undefined && scope.to !== undefined ? { from: scope.from, to: scope.to } : {}),
    ...(mode === 'incremental' ? { windowDays: scope.windowDays ?? 1 } : {}),
    ...(scope.force === true ? { force: true as const } : {}),
    ...(scope.detail === false ? { detail: false as const } : {}),
  };
}

/** The scope a run was started with, as stored (its mode is also a column of the run). */
export function scopeOfRun(run: SyncRun): RunScope {
  const stored = { mode: run.mode, ...run.scope };
  if (!Value.Check(RunScope, stored)) throw new ScopeError(`run ${run.id} has a scope this version cannot read`);
  return stored;
}

const MAX_KEY = 191;

export function scopeKey(target: RunTarget, scope: RunScope): string {
  const parts = [
    target,
    scope.mode,
    `l=${scope.leagues?.join(',') ?? '*'}`,
    `s=${scope.seasons?.join(',') ?? (scope.allSeasons ? 'all' : 'current')}`,
  ];
  if (scope.from !== undefined) parts.push(`d=${scope.from}..${scope.to ?? ''}`);
  if (scope.windowDays !== undefined) parts.push(`w=${scope.windowDays}`);
  if (scope.detail === false) parts.push('nodetail');
  const key = parts.join('|');
  if (key.length <= MAX_KEY) return key;
  return `${target}|${scope.mode}|sha256=${createHash('sha256').update(key).digest('hex')}`;
}
