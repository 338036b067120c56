// What a page does with a query's JSON (src/lib/query.ts writes it): rows as objects with real
// dates for Plot, or the sentence saying which data does not exist yet.
import type { QueryOutput } from '../lib/query.ts';

export type { QueryOutput };
export type Row = Record<string, unknown>;

/** The query's rows as objects; date columns become Date (UTC). No rows while the data does not exist yet. */
export function rows<T = Row>(output: QueryOutput): T[] {
  if (!output.available) return [];
  const dates = new Set(output.dates);
  return output.rows.map((values) => {
    const row: Row = {};
    output.columns.forEach((column, i) => {
      const value = values[i];
      row[column] = dates.has(column) && typeof value === 'string' ? new Date(value) : value;
    });
    return row as T;
  });
}

/** "a", "a and b", "a, b and c". */
export function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * Why a query has no data yet, in a sentence for the page ("No lineups yet: …"), or null when it ran.
 * `what` names the data for a reader; `arrives` says what brings it.
 */
export function notYet(output: QueryOutput, what: string, arrives = ''): string | null {
  if (output.available) return null;
  const reasons: string[] = [];
  if (output.absent.length > 0) reasons.push(`${list(output.absent)} ${output.absent.length === 1 ? 'does' : 'do'} not exist in this database`);
  if (output.empty.length > 0) reasons.push(`${list(output.empty)} ${output.empty.length === 1 ? 'has' : 'have'} no rows`);
  return `No ${what} yet: ${reasons.join(' and ')}.${arrives === '' ? '' : ` ${arrives}`}`;
}
