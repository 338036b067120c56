// Small helpers for the hand-written SQL of the bulk writer.
export type SqlValue = string | number | boolean | Date | null;

export const ER_DUP_ENTRY = 1062;
export const ER_ROW_IS_REFERENCED = 1451;
export const ER_NO_REFERENCED_ROW = 1452;
export const ER_LOCK_WAIT_TIMEOUT = 1205;
export const ER_LOCK_DEADLOCK = 1213;

/** The MySQL error number of a driver error (duck-typed: two copies of the driver are installed). */
export function sqlErrno(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errno' in error)) return undefined;
  return typeof error.errno === 'number' ? error.errno : undefined;
}

/** `(?, ?, ?)` for one row of `width` values. */
export function placeholders(width: number): string {
  return `(${new Array<string>(width).fill('?').join(', ')})`;
}

export function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** A date-time from the contracts (ISO 8601, any offset) as a Date, or null. */
export function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** A DATE column as `YYYY-MM-DD` (Prisma reads it as midnight UTC). */
export function dateOnlyOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 10);
}
