// Pages that show one season read files of that season only, so that a page's data stays the
// same size however many seasons the database holds. A query under src/data/season/[season]/
// returns every season at once with a season_id column; the build runs it once and writes each
// season's rows to data/season/<id>/<name>.json (the preview runs it per season it is asked for).
import type { QueryOutput } from './query.ts';

/** The folder of per-season queries under src/data, as Framework names a parameterized folder. */
export const SEASON_QUERY_DIR = 'season/[season]';

/** The season ids of seasons.json.sql's output (every season that has fixtures). */
export function seasonIds(seasons: QueryOutput): number[] {
  if (!seasons.available) return [];
  const column = seasons.columns.indexOf('season_id');
  if (column < 0) throw new Error('seasons.json.sql returns no season_id column');
  return seasons.rows.map((row) => Number(row[column]));
}

/** One output per season: its rows (none is an answer too); an unavailable output stays as it is for each. */
export function splitBySeason(output: QueryOutput, ids: number[], file: string): Map<number, QueryOutput> {
  if (!output.available) return new Map(ids.map((id) => [id, output]));
  const column = output.columns.indexOf('season_id');
  if (column < 0) throw new Error(`${file}: a query under data/${SEASON_QUERY_DIR} must return a season_id column`);
  const bySeason = new Map<number, unknown[][]>(ids.map((id) => [id, []]));
  for (const row of output.rows) bySeason.get(Number(row[column]))?.push(row);
  return new Map([...bySeason].map(([id, rows]) => [id, { ...output, rows }]));
}

/** `--season=123` from the arguments Framework gives a loader of a parameterized folder, else null. */
export function seasonParam(args: string[]): number | null {
  const value = args.find((arg) => arg.startsWith('--season='))?.slice('--season='.length);
  if (value === undefined) return null;
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new Error(`--season must be a season id, not "${value}"`);
  return id;
}
