// `make bench`: runs every `bench:<name>` script of this package one after the other (benchmarks
// must not share the two cores), collects the result lines they print, and prints one table.
// Exits 1 if a goal is missed, a script fails, or a script prints no result line.
// `tsx src/run-all.ts writer fetcher` runs only those scripts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { meetsGoal, parseBenchResults } from './bench-result.ts';

interface Row {
  name: string;
  ours: string;
  reference: string;
  ratio: string;
  goal: string;
  pass: boolean;
  note: string;
}

const packageDir = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as { scripts?: Record<string, string> };
// `bench:x:y` scripts run a part of `bench:x` on its own; the runner takes the groups only.
const scripts = Object.keys(manifest.scripts ?? {}).filter((name) => /^bench:[^:]+$/.test(name));
const wanted = process.argv.slice(2);
const selected = wanted.length === 0 ? scripts : scripts.filter((name) => wanted.includes(name.slice('bench:'.length)));

function run(script: string): Promise<{ code: number; stdout: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['run', '--silent', script], { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The benchmark's own report goes to stderr as it comes; stdout keeps only the table.
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const figure = (value: number, unit?: string) => `${Number(value.toPrecision(4)).toString()}${unit ? ` ${unit}` : ''}`;

const rows: Row[] = [];
for (const script of selected) {
  process.stderr.write(`\n== ${script}\n`);
  const { code, stdout, seconds } = await run(script);
  const results = parseBenchResults(stdout);
  for (const result of results) {
    const agrees = meetsGoal(result.ratio, result.goal);
    const consistent = agrees === undefined || agrees === result.pass;
    rows.push({
      name: result.bench,
      ours: figure(result.ours, result.unit),
      reference: figure(result.reference, result.unit),
      ratio: figure(result.ratio),
      goal: result.goal,
      pass: result.pass && consistent && code === 0,
      note: [!consistent ? `pass=${String(result.pass)} disagrees with the goal` : code !== 0 ? `${script} exited ${String(code)}` : '', result.note ?? ''].filter((n) => n !== '').join('; '),
    });
  }
  if (results.length === 0) {
    rows.push({ name: script, ours: '-', reference: '-', ratio: '-', goal: '-', pass: false, note: `no result line (exit ${String(code)}, ${seconds.toFixed(0)} s): see packages/bench/README.md` });
  }
}

const header: Row = { name: 'benchmark', ours: 'ours', reference: 'reference', ratio: 'ratio', goal: 'goal', pass: true, note: '' };
const columns = ['name', 'ours', 'reference', 'ratio', 'goal'] as const;
const widths = Object.fromEntries(columns.map((column) => [column, Math.max(...[header, ...rows].map((row) => row[column].length))]));
const format = (row: Row, verdict: string) =>
  [...columns.map((column) => row[column].padEnd(widths[column] ?? 0)), verdict, row.note].join('  ').trimEnd();

console.log(format(header, 'result'));
for (const row of rows) console.log(format(row, row.pass ? 'pass' : 'FAIL'));
const failed = rows.filter((row) => !row.pass).length;
console.log(selected.length === 0 ? 'no bench:<name> script matched' : `${String(rows.length - failed)} of ${String(rows.length)} benchmarks meet their goal`);
process.exitCode = failed > 0 || selected.length === 0 ? 1 : 0;
