// Reads vitest's v8 json-summary and prints line and branch coverage per package and overall.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const pct = ({ covered, total }) => (total === 0 ? '  n/a ' : `${((100 * covered) / total).toFixed(1).padStart(5)}%`);
const cell = (c) => `${pct(c)} ${`${c.covered}/${c.total}`.padStart(11)}`;

/** One row per package (packages/x, services/x), then the total. Returns the lines to print. */
export function coverageTable(summaryFile, root = process.cwd()) {
  if (!existsSync(summaryFile)) return ['coverage: no summary was written'];
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const packages = new Map();
  for (const [file, counts] of Object.entries(summary)) {
    if (file === 'total') continue;
    const name = relative(root, file).split('/').slice(0, 2).join('/');
    const row = packages.get(name) ?? { lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } };
    for (const kind of ['lines', 'branches']) {
      row[kind].covered += counts[kind].covered;
      row[kind].total += counts[kind].total;
    }
    packages.set(name, row);
  }
  const width = Math.max(8, ...[...packages.keys()].map((name) => name.length));
  const line = (name, row) => `${name.padEnd(width)}  ${cell(row.lines)}  ${cell(row.branches)}`;
  return [
    `${'coverage'.padEnd(width)}  ${'lines'.padEnd(18)}  branches`,
    ...[...packages.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, row]) => line(name, row)),
    line('overall', summary.total),
  ];
}

/**
 * Whether the workspace's line and branch coverage reach `goals` (percent), with the line that
 * says so; a run that wrote no summary (it broke before) does not pass.
 */
export function coverageGate(summaryFile, goals) {
  if (!existsSync(summaryFile)) return { ok: false, message: 'coverage gate: no summary was written, the run fails' };
  const { total } = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const percent = ({ covered, total: all }) => (all === 0 ? 100 : (100 * covered) / all);
  const misses = ['lines', 'branches'].filter((kind) => percent(total[kind]) < goals[kind]);
  const figures = ['lines', 'branches'].map((kind) => `${kind} ${percent(total[kind]).toFixed(1)}% (goal ≥ ${goals[kind]}%)`).join(', ');
  return misses.length === 0
    ? { ok: true, message: `coverage gate: ${figures}: met` }
    : { ok: false, message: `coverage gate: ${figures}: ${misses.join(' and ')} below the goal, the run fails` };
}
