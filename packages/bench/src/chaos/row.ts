// One line of the chaos table and the scaffolding every scenario shares: open a fresh stack,
// do the damage, measure what landed, tear everything down, time it.
import type { ChaosContext, Measure, ScenarioOptions } from './harness.ts';
import { Scenario } from './harness.ts';

export interface ChaosRow {
  scenario: string;
  /** The run's final status, with the path it took (`failed → resumed → succeeded`). */
  status: string;
  expected: number;
  inMysql: number;
  missing: number;
  duplicated: number;
  quarantined: number;
  /** Match-detail rows in MySQL (events, lineups, statistics, officials, formations). */
  detailRows: number;
  served5xx: number;
  seconds: number;
  /** Why the row fails; empty when it passes. */
  problems: string[];
  /** What happened on the way (where a kill landed, the error of a failed run). */
  notes: string[];
}

/** What a scenario's body reports besides the measurement. */
export interface Outcome {
  status: string;
  /** Expectations of this scenario that did not hold (a status, an answer code). */
  problems: string[];
  notes: string[];
}

export const passed = (row: ChaosRow): boolean => row.problems.length === 0;

export function rowOf(name: string, outcome: Outcome, measure: Omit<Measure, 'detail' | 'detailStored'> & { detailStored?: number }, served5xx: number, seconds: number): ChaosRow {
  const problems = [...outcome.problems];
  if (measure.missing > 0) problems.push(`${String(measure.missing)} records missing`);
  if (measure.duplicated > 0) problems.push(`${String(measure.duplicated)} rows duplicated or unexpected`);
  if (measure.missing + measure.duplicated > 0) problems.push(...measure.examples);
  // A bad squad row costs its team's squad only; a season's squads quarantined whole lost the other teams'.
  if ((measure.squadsLostWhole ?? 0) > 0) problems.push(`${String(measure.squadsLostWhole)} seasons' squads quarantined whole`);
  return {
    scenario: name,
    status: outcome.status,
    expected: measure.expected,
    inMysql: measure.inMysql,
    missing: measure.missing,
    duplicated: measure.duplicated,
    quarantined: measure.quarantined,
    detailRows: measure.detailStored ?? 0,
    served5xx,
    seconds,
    problems,
    notes: outcome.notes,
  };
}

/** A row for a scenario that could not be carried out at all. */
export function brokenRow(name: string, error: unknown, seconds: number): ChaosRow {
  const message = error instanceof Error ? error.message : String(error);
  return { scenario: name, status: 'error', expected: 0, inMysql: 0, missing: 0, duplicated: 0, quarantined: 0, detailRows: 0, served5xx: 0, seconds, problems: [message.split('\n').slice(0, 6).join('\n')], notes: [] };
}

/** Opens a stack, runs `body` against it, measures and closes; a throw becomes a failing row. */
export async function runScenario(
  name: string,
  context: ChaosContext,
  options: ScenarioOptions,
  body: (scenario: Scenario) => Promise<Outcome>,
): Promise<ChaosRow> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  let scenario: Scenario | undefined;
  let row: ChaosRow;
  try {
    scenario = await Scenario.open(context, options);
    const outcome = await body(scenario);
    const measuring = performance.now();
    const measure = await scenario.measure();
    const compared = `${measure.detail} (compared in ${((performance.now() - measuring) / 1000).toFixed(1)} s)`;
    row = rowOf(name, { ...outcome, notes: [...outcome.notes, compared, `error lines logged: ${scenario.errorLines()}`] }, measure, scenario.served5xx, seconds());
  } catch (error) {
    row = brokenRow(name, error, seconds());
  }
  try {
    await scenario?.close();
  } catch (error) {
    row.problems.push(`teardown failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return row;
}
