// Small conversions from SportMonks' loose values to ours.

export function toInt(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) ? n : null;
}

export function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

export function toBool(value: boolean | 0 | 1 | null | undefined, fallback = false): boolean {
  if (value === null || value === undefined) return fallback;
  return value === true || value === 1;
}

export function orNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

const NAIVE_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const ZONED_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})$/;

/**
 * ISO 8601 UTC (`…Z`) from SportMonks' datetimes: "YYYY-MM-DD HH:MM:SS" without a zone marker is
 * UTC (we never pass `timezone=`); zoned forms are converted; a bare date is midnight UTC.
 */
export function toUtcDateTime(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  let ms: number;
  const naive = NAIVE_DATETIME.exec(text);
  if (naive) {
    ms = Date.parse(`${naive[1] ?? ''}T${naive[2] ?? ''}Z`);
  } else if (ZONED_DATETIME.test(text)) {
    ms = Date.parse(text);
  } else if (DATE_ONLY.test(text)) {
    ms = Date.parse(`${text}T00:00:00Z`);
  } else {
    return null;
  }
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function fromUnixSeconds(value: number | string | null | undefined): string | null {
  const seconds = toInt(value);
  if (seconds === null || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString();
}

/** `YYYY-MM-DD` from a date or datetime string. */
export function toDateOnly(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[ T])/.exec(value.trim());
  if (!match?.[1] || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return null;
  return match[1];
}
