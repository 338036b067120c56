// Runs the whole workspace's vitest projects and ends with the one plain line CI counts:
// "N passed, N failed, N skipped". A run that executes no test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const resultsFile = '.vitest-results.json';
rmSync(resultsFile, { force: true });

const run = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
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

const noTests = passed + failed === 0;
if (noTests) console.error('no test was executed: counting the run as failed');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status !== 0 || failed > 0 || noTests ? 1 : 0);
