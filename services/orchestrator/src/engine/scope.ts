// A run's scope in canonical form: what the run covers, and the key that makes two requests
// "the same run" for the one-running-run-per-scope rule.
import { createHash } from 'node:crypto';
import type { SyncMode, SyncScope } from '@insightxi/contracts';
import type { RunTarget } from './ports.ts';

export interface NormalizedScope {
  leagues: number[] | null;
  seasons: number[] | null;
  allSeasons: boolean;
  from: string | null;
  to: string | null;
  mode: SyncMode;
  windowDays: number | null;
  /** Re-read frozen seasons too. Not part of the scope key: it reads the same data. */
  force: boolean;
}

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

const sortedUnique = (ids: number[] | undefined): number[] | null =>
  ids === undefined || ids.length === 0 ? null : [...new Set(ids)].sort((a, b) => a - b);

export function normalizeScope(target: RunTarget, scope: SyncScope): NormalizedScope {
  const normalized: NormalizedScope = {
    leagues: sortedUnique(scope.leagues),
    seasons: sortedUnique(scope.seasons),
    allSeasons: scope.seasons === undefined || scope.seasons.length === 0 ? scope.allSeasons === true : false,
    from: scope.from ?? null,
    to: scope.to ?? null,
    mode: scope.mode ?? 'full',
    windowDays: scope.mode === 'incremental' ? (scope.windowDays ?? 1) : null,
    force: scope.force === true,
  };
  if ((normalized.from === null) !== (normalized.to === null)) throw new ScopeError('from and to go together');
  if (normalized.from !== null && normalized.to !== null && normalized.from > normalized.to) throw new ScopeError('from is after to');
  if (normalized.from !== null && target !== 'fixtures' && target !== 'all') {
    throw new ScopeError('from/to only apply to fixtures (or all)');
  }
  if (normalized.mode === 'incremental' && target !== 'fixtures') throw new ScopeError('mode=incremental applies to fixtures only');
  return normalized;
}

/** The scope as stored with the run: only the fields that were set. */
export function scopeRecord(scope: NormalizedScope): Record<string, unknown> {
  const out: Record<string, unknown> = { mode: scope.mode };
  if (scope.leagues) out.leagues = scope.leagues;
  if (scope.seasons) out.seasons = scope.seasons;
  if (scope.allSeasons) out.allSeasons = true;
  if (scope.from !== null) out.from = scope.from;
  if (scope.to !== null) out.to = scope.to;
  if (scope.windowDays !== null) out.windowDays = scope.windowDays;
  if (scope.force) out.force = true;
  return out;
}

const MAX_KEY = 191;

export function scopeKey(target: RunTarget, scope: NormalizedScope): string {
  const parts = [
    target,
    scope.mode,
    `l=${scope.leagues?.join(',') ?? '*'}`,
    `s=${scope.seasons?.join(',') ?? (scope.allSeasons ? 'all' : 'current')}`,
  ];
  if (scope.from !== null) parts.push(`d=${scope.from}..${scope.to ?? ''}`);
  if (scope.windowDays !== null) parts.push(`w=${scope.windowDays}`);
  const key = parts.join('|');
  if (key.length <= MAX_KEY) return key;
  return `${target}|${scope.mode}|sha256=${createHash('sha256').update(key).digest('hex')}`;
}
