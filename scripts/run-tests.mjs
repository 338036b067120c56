// Runs the whole workspace's vitest projects and ends with the one plain line CI counts:
// "N passed, N failed, N skipped". A run that executes no test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { coverageGate, coverageTable } from './coverage-table.mjs';

const resultsFile = '.vitest-results.json';
rmSync(resultsFile, { force: true });
// Line and branch coverage of every package's src/ (v8: no instrumentation, cheap on two cores),
// printed as a table before the closing line, and a gate: the run fails below COVERAGE_GOALS over
// the workspace. Benchmarks are measured by running them.
// One directory per run: vitest empties its reports directory first, and other runs may share this tree.
const coverageDir = `coverage/run-${process.pid}`;
const coverage = [
  '--coverage.enabled=true',
  '--coverage.provider=v8',
  '--coverage.reporter=json-summary',
  `--coverage.reportsDirectory=${coverageDir}`,
  '--coverage.reportOnFailure=true',
  // Globs are relative to the root when every project runs, to each project's root under --project:
  // these patterns mean the same in both.
  '--coverage.include=**/src/**/*.ts',
  '--coverage.exclude=**/generated/**',
  // Benchmarks are measured by running them (make bench), not by tests.
  '--coverage.exclude=packages/bench/**',
  '--coverage.exclude=../bench/**',
  // Process entries run only as child processes (e2e tests, the stack, make dev/demo), where v8
  // coverage is not collected; what they call is covered in-process (buildApp, loadConfig, startStack).
  '--coverage.exclude=**/src/server.ts',
  '--coverage.exclude=**/src/cli.ts',
  '--coverage.exclude=**/stack/src/dev.ts',
  '--coverage.exclude=**/stack/src/demo.ts',
];
/** Percent of lines and branches over the workspace below which `make test` fails. */
const COVERAGE_GOALS = { lines: 95, branches: 85 };

const run = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...coverage, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

function countResults() {
  if (!existsSync(resultsFile)) {
    console.error('vitest wrote no results: counting the run as failed');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  // A test file that fails to load has no assertions but must still count as a failure.
  const brokenFiles = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenFiles,
    skipped: results.numPendingTests + results.numTodoTests,
  };
}

const { passed, failed, skipped } = countResults();

const summaryFile = `${coverageDir}/coverage-summary.json`;
console.log(`\n${coverageTable(summaryFile).join('\n')}\n`);
const gate = coverageGate(summaryFile, COVERAGE_GOALS);
console.log(gate.message);
rmSync(coverageDir, { recursive: true, force: true });

const noTests = passed + failed === 0;
if (noTests) console.error('no test was executed: counting the run as failed');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status !== 0 || failed > 0 || noTests || !gate.ok ? 1 : 0);
