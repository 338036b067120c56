// Compares what MySQL holds with the simulator's ground truth, table by table, as the chaos
// table reports it: a record is missing when its exact line is not stored and it was not
// quarantined; a stored row is duplicated when it repeats a record or is one the truth lacks.

export interface Tally {
  expected: number;
  inMysql: number;
  missing: number;
  duplicated: number;
  /** Per table, the first few missing or duplicated lines, for the report. */
  examples: string[];
}

/**
 * Which quarantined ids excuse a missing line of a table: the record's own id, for a fixture's
 * child rows their fixture's, for ranking rows (lines `keyed`) their season's: a season's rankings
 * are one record, quarantined whole; for squad rows their team's squad in their season
 * (`season:team`, squadKeys): a bad row leaves only its team's squad out.
 */
const OWNER: Record<string, { table: string; fields: number[] }> = {
  ...Object.fromEntries(
    ['fixture_scores', 'fixture_events', 'fixture_lineups', 'fixture_statistics', 'fixture_referees', 'fixture_formations'].map((table) => [table, { table: 'fixtures', fields: [1] }]),
  ),
  squads: { table: 'squads', fields: [1, 2] },
  topscorers: { table: 'topscorers', fields: [1] },
};
/**
 * The squads a quarantine row of squads stands for, as `season:team`: the fetcher's rejects carry
 * the squad calls they came from (one team's bad row, or every team when none could land), the
 * writer's the list or the one team's squad it could not land.
 */
export function squadKeys(season: number | null, payload: unknown): string[] {
  const list = (typeof payload === 'string' ? JSON.parse(payload) : payload) as { squads?: { team_id: number }[]; teams?: number[] } | null;
  const teams = list?.squads?.map((squad) => squad.team_id) ?? list?.teams ?? [];
  return teams.map((t) => `${String(season)}:${String(t)}`);
}

/** Quarantine rows name the entity as the API does; the table differs for states only. */
export const TABLE_OF_ENTITY: Record<string, string> = { states: 'fixture_states', groups: 'stage_groups' };

const EXAMPLES_PER_TABLE = 3;

/**
 * `expected` and `actual` hold one line per record (`id|field|…`), `quarantined` the source ids
 * quarantined per table. `keyDuplicates` adds rows the database holds twice under a natural key
 * (counted by SQL, since ids alone cannot repeat in a primary key).
 */
export function tally(
  expected: Record<string, string[]>,
  actual: Record<string, string[]>,
  quarantined: Map<string, Set<string>>,
  keyDuplicates = 0,
): Tally {
  const result: Tally = { expected: 0, inMysql: 0, missing: 0, duplicated: keyDuplicates, examples: [] };
  for (const table of Object.keys(expected)) {
    const want = expected[table] ?? [];
    const got = actual[table] ?? [];
    result.expected += want.length;
    result.inMysql += got.length;

    const owner = OWNER[table] ?? { table, fields: [0] };
    const excused = quarantined.get(owner.table) ?? new Set<string>();
    const have = new Set(got);
    const ownerOf = (row: string) => {
      const fields = row.split('|');
      return owner.fields.map((i) => fields[i] ?? '').join(':');
    };
    const missing = want.filter((row) => !have.has(row) && !excused.has(ownerOf(row)));

    // A stored line that differs from the truth under an expected id is already a missing record;
    // what counts as duplicated is a repeated line or a record the truth does not have.
    const expectedIds = new Set(want.map(idOf));
    const seen = new Set<string>();
    const extra = got.filter((row) => {
      const repeat = seen.has(row);
      seen.add(row);
      return repeat || !expectedIds.has(idOf(row));
    });

    result.missing += missing.length;
    result.duplicated += extra.length;
    result.examples.push(...missing.slice(0, EXAMPLES_PER_TABLE).map((row) => `${table} missing ${row}`));
    result.examples.push(...extra.slice(0, EXAMPLES_PER_TABLE).map((row) => `${table} extra ${row}`));
  }
  return result;
}

const idOf = (row: string): string => row.split('|')[0] ?? '';

/**
 * Puts a natural key (the fields at `key`, joined by `:`) in front of each line, for tables whose
 * lines do not start with a unique id (squads: season, team, player): a second row under the
 * same key then counts as duplicated, and a row under a key the truth lacks as unexpected.
 */
export function keyed(lines: readonly string[], key: readonly number[]): string[] {
  return lines.map((row) => {
    const fields = row.split('|');
    return [key.map((i) => fields[i] ?? '').join(':'), ...fields].join('|');
  });
}
