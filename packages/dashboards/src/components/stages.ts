// A season's structure on the league-table page: its stages in order, the groups of a stage, and
// the knock-out ties laid out round by round.

export interface StageRow {
  stage_id: number | null;
  stage: string | null;
  stage_order: number | null;
  group_id: number | null;
  group_name: string | null;
  played: number;
}

const byOrder = (a: { stage_order: number | null; stage_id: number | null }, b: typeof a) =>
  (a.stage_order ?? Infinity) - (b.stage_order ?? Infinity) || (a.stage_id ?? 0) - (b.stage_id ?? 0);

/** Stage name → id, in the season's order. */
export function stageChoices(rows: StageRow[]): Map<string, number | null> {
  const stages = new Map<string, number | null>();
  for (const row of [...rows].sort(byOrder)) stages.set(row.stage ?? 'Season', row.stage_id);
  return stages;
}

/** The stage in the address when the season has it, else the latest stage where a match has been played, else the first. */
export function pickStage(rows: StageRow[], asked: number | null): number | null {
  if (asked !== null && rows.some((r) => r.stage_id === asked)) return asked;
  const ordered = [...rows].sort(byOrder);
  return (ordered.filter((r) => r.played > 0).at(-1) ?? ordered[0])?.stage_id ?? null;
}

/** Group name → id of one stage, alphabetical; a stage without groups has one entry, null. */
export function groupChoices(rows: StageRow[], stageId: number | null): Map<string, number | null> {
  const groups = new Map<string, number | null>();
  const ofStage = rows.filter((r) => r.stage_id === stageId).sort((a, b) => (a.group_name ?? '').localeCompare(b.group_name ?? ''));
  for (const row of ofStage) groups.set(row.group_name ?? 'All', row.group_id);
  return groups;
}

export function pickGroup(rows: StageRow[], stageId: number | null, asked: number | null): number | null {
  const groups = [...groupChoices(rows, stageId).values()];
  return asked !== null && groups.includes(asked) ? asked : (groups[0] ?? null);
}

export interface Tie {
  stage_id: number;
  stage: string;
  stage_order: number | null;
  team_a_id: number | null;
  team_b_id: number | null;
}

/** Ties grouped by knock-out stage, stages in order (quarter-finals before semi-finals …). */
export function knockoutRounds<T extends Tie>(ties: T[]): { stage_id: number; stage: string; ties: T[] }[] {
  const rounds = new Map<number, { stage_id: number; stage: string; order: number | null; ties: T[] }>();
  for (const tie of ties) {
    const round = rounds.get(tie.stage_id) ?? { stage_id: tie.stage_id, stage: tie.stage, order: tie.stage_order, ties: [] };
    round.ties.push(tie);
    rounds.set(tie.stage_id, round);
  }
  return [...rounds.values()]
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.stage_id - b.stage_id)
    .map(({ stage_id, stage, ties: list }) => ({ stage_id, stage, ties: list }));
}
