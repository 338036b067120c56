// Helpers of the data-health page: how old a timestamp is, in words; a run's counts as stacked parts.

/** "3 min ago", "5 h ago", "2 days ago"; "never" when missing; "in the future" when ahead of `now`. */
export function ageLabel(at: Date | null | undefined, now: Date): string {
  if (at === null || at === undefined) return 'never';
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes < -1) return 'in the future';
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export interface RunRow {
  id: number;
  started_at: Date;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export const RECORD_KINDS = ['created', 'updated', 'unchanged', 'quarantined'] as const;

/** One row per run and kind of outcome, for records stacked by kind over time. */
export function runCounts(runs: RunRow[]): { id: number; started_at: Date; kind: string; records: number }[] {
  return runs.flatMap((run) => RECORD_KINDS.map((kind) => ({ id: run.id, started_at: run.started_at, kind, records: run[kind] })));
}

/**
 * A time axis around the dates, at least `minMinutes` wide and padded a tenth of the span each side,
 * so that one run, or runs seconds apart, still sit in readable context.
 */
export function timeDomain(dates: Date[], minMinutes = 10): [Date, Date] {
  const times = dates.map((d) => d.getTime());
  const first = times.length === 0 ? 0 : Math.min(...times);
  const last = times.length === 0 ? 0 : Math.max(...times);
  const span = Math.max(last - first, minMinutes * 60_000);
  const pad = (span - (last - first)) / 2 + span / 10;
  return [new Date(first - pad), new Date(last + pad)];
}

/** The latest runs, newest first, labelled for a chart's rows ("#12 fixtures incremental"). */
export function latestRuns<T extends RunRow & { entity: string; mode: string }>(runs: T[], count = 12): (T & { label: string })[] {
  return [...runs]
    .sort((a, b) => b.started_at.getTime() - a.started_at.getTime() || b.id - a.id)
    .slice(0, count)
    .map((run) => ({ ...run, label: `#${run.id} ${run.entity} ${run.mode}` }));
}
