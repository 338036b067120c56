// The one line each benchmark prints last, and that `make bench` (src/run-all.ts) collects.

export interface BenchResult {
  /** Short and stable, e.g. `writer-bulk-vs-raw-sql`. */
  bench: string;
  /** Our figure and the reference it is measured against, side by side in the same run. */
  ours: number;
  reference: number;
  /** ours / reference, or whichever way round the goal is stated. */
  ratio: number;
  /** The goal for `ratio`: `>= 0.5`, `<= 1.3`, … */
  goal: string;
  pass: boolean;
  /** Unit of `ours` and `reference` (`ms`, `MiB`, `calls`), for the table. */
  unit?: string;
  /** What the figures leave out or add up, shown beside the row in `make bench`'s table. */
  note?: string;
}

const GOAL = /^\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Whether `ratio` meets a goal written as `>= x`, `<= x`, `> x` or `< x`; undefined for other goals. */
export function meetsGoal(ratio: number, goal: string): boolean | undefined {
  const match = GOAL.exec(goal);
  if (!match) return undefined;
  const bound = Number(match[2]);
  switch (match[1]) {
    case '>=':
      return ratio >= bound;
    case '<=':
      return ratio <= bound;
    case '>':
      return ratio > bound;
    default:
      return ratio < bound;
  }
}

/** Prints the result line; call it last. The exit code stays the benchmark's own business. */
export function reportBench(result: Omit<BenchResult, 'pass'> & { pass?: boolean }): BenchResult {
  const pass = result.pass ?? meetsGoal(result.ratio, result.goal) ?? false;
  const line: BenchResult = { ...result, pass };
  console.log(JSON.stringify(line));
  return line;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The result lines in a benchmark's stdout (a script may run several benchmarks). */
export function parseBenchResults(stdout: string): BenchResult[] {
  const results: BenchResult[] = [];
  for (const line of stdout.split('\n')) {
    const text = line.trim();
    if (!text.startsWith('{') || !text.includes('"bench"')) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const r = value as Record<string, unknown>;
    if (typeof r.bench === 'string' && isNumber(r.ours) && isNumber(r.reference) && isNumber(r.ratio) && typeof r.goal === 'string' && typeof r.pass === 'boolean') {
      results.push({ bench: r.bench, ours: r.ours, reference: r.reference, ratio: r.ratio, goal: r.goal, pass: r.pass, ...(typeof r.unit === 'string' ? { unit: r.unit } : {}), ...(typeof r.note === 'string' ? { note: r.note } : {}) });
    }
  }
  return results;
}
