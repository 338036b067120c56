// Runs the whole workspace's vitest projects and ends with the one plain line CI counts:
// "N passed, N failed, N skipped". A run that executes no test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { coverageTable } from './coverage-table.mjs';

const resultsFile = '.vitest-results.json';
rmSync(resultsFile, { force: true });
// Line and branch coverage of every package's src/ (v8: no instrumentation, cheap on two cores),
// printed as a table before the closing line; not a gate yet. Benchmarks are measured by running them.
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
  '--coverage.exclude=packages/bench/**',
  '--coverage.exclude=../bench/**',
];

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

console.log(`\n${coverageTable(`${coverageDir}/coverage-summary.json`).join('\n')}\n`);
rmSync(coverageDir, { recursive: true, force: true });

const noTests = passed + failed === 0;
if (noTests) console.error('no test was executed: counting the run as failed');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status !== 0 || failed > 0 || noTests ? 1 : 0);
