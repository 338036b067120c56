// What a scope covers, computed the same way by every service: SportMonks' date windows, the
// checks of a from/to pair, and lists of ids cut into chunks.

/** SportMonks' `between` endpoint spans at most 100 days. */
export const MAX_WINDOW_DAYS = 100;
const DAY_MS = 86_400_000;

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface DateWindow {
  from: string;
  to: string;
}

/** Inclusive windows of at most `maxDays` days covering from..to (dates, YYYY-MM-DD). */
export function dateWindows(from: string, to: string, maxDays = MAX_WINDOW_DAYS): DateWindow[] {
  const windows: DateWindow[] = [];
  const end = dayMs(to);
  for (let start = dayMs(from); start <= end; start += maxDays * DAY_MS) {
    windows.push({ from: isoDay(start), to: isoDay(Math.min(start + (maxDays - 1) * DAY_MS, end)) });
  }
  return windows;
}

/** What is wrong with a from/to pair (either may be absent), or null when nothing is. */
export function dateRangeProblem(from: string | undefined, to: string | undefined): string | null {
  if ((from === undefined) !== (to === undefined)) return 'from and to go together';
  if (from === undefined || to === undefined) return null;
  if (Number.isNaN(dayMs(from)) || Number.isNaN(dayMs(to))) return 'from and to must be real dates (YYYY-MM-DD)';
  return to < from ? 'to is before from' : null;
}

/** `items` in consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `days` days before and after `day`. */
export function daysAround(day: string, days: number): DateWindow {
  return { from: isoDay(dayMs(day) - days * DAY_MS), to: isoDay(dayMs(day) + days * DAY_MS) };
}
