// Where a run resumes: the plan step, the page number within it (part of the page key) and
// the fetcher's opaque cursor for that page. Stored as the run's checkpoint cursor.
export interface RunPosition {
  step: number;
  page: number;
  cursor: string | null;
}

export const START: RunPosition = { step: 0, page: 0, cursor: null };

export function encodePosition(position: RunPosition): string {
  return JSON.stringify(position);
}

export function decodePosition(value: string | null): RunPosition {
  if (value === null || value === '') return START;
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`unreadable run cursor: ${value}`);
  const { step, page, cursor } = parsed as Record<string, unknown>;
  if (typeof step !== 'number' || typeof page !== 'number' || !(cursor === null || typeof cursor === 'string')) {
    throw new Error(`unreadable run cursor: ${value}`);
  }
  return { step, page, cursor };
}

/** Unique per page within a run, and the same for the same page after a resume. */
export const pageKey = (position: RunPosition, chunk: number): string => `${position.step}:${position.page}:${chunk}`;

/** Whether `a` is further along the plan than `b`. */
export const isAfter = (a: RunPosition, b: RunPosition): boolean => a.step > b.step || (a.step === b.step && a.page > b.page);
