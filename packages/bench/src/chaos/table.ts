// The chaos table as `make chaos` prints it, and the lines explaining each failing row.
import { passed, type ChaosRow } from './row.ts';
import type { SecretHit } from './secrets.ts';

const HEADER = ['scenario', 'run status', 'expected', 'in MySQL', 'missing', 'duplicated', 'quarantined', '5xx served', 'time', 'result'];

export function formatTable(rows: readonly ChaosRow[]): string {
  const cells = rows.map((r) => [
    r.scenario,
    r.status,
    String(r.expected),
    String(r.inMysql),
    String(r.missing),
    String(r.duplicated),
    String(r.quarantined),
    String(r.served5xx),
    `${r.seconds.toFixed(1)} s`,
    passed(r) ? 'PASS' : 'FAIL',
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  // Text columns left, figures right.
  const pad = (text: string, i: number) => (i <= 1 || i === HEADER.length - 1 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0));
  const line = (values: string[]) => values.map(pad).join('  ').trimEnd();
  return [line(HEADER), ...cells.map(line)].join('\n');
}

export function formatDetails(rows: readonly ChaosRow[]): string {
  const out: string[] = [];
  for (const row of rows) {
    for (const note of row.notes) out.push(`  ${row.scenario}: ${note}`);
    for (const problem of row.problems) out.push(`  ${row.scenario}: FAIL ${problem}`);
  }
  return out.join('\n');
}

export function formatSecrets(hits: readonly SecretHit[], scanned: number): string {
  if (hits.length === 0) return `secret grep: ${String(scanned)} log lines and bodies checked, no secret found — PASS`;
  const shown = hits.slice(0, 10).map((h) => `  ${h.secret} in ${h.source}: ${h.excerpt}`);
  return [`secret grep: ${String(hits.length)} lines carry a secret — FAIL`, ...shown].join('\n');
}
