// The stack the guides are tested against, kept running for someone editing them: one simulator
// sync (seed 42, clock fixed), then the variables docs/operations.md uses, until Ctrl-C.
//   pnpm --filter @insightxi/docs-checks run serve
import { redactUrl } from '@insightxi/mysql';
import { startFilledStack } from '../src/fill.ts';

const filled = await startFilledStack('docs_serve');
const { stack } = filled;
console.log(`filled by run ${String(filled.summary.runId)}; database ${filled.database.name}. Paste into a shell:\n`);
console.log(`export ORCHESTRATOR=${stack.url('orchestrator')} OPERATOR_TOKEN=${stack.operatorToken}`);
console.log(`export WRITER=${stack.url('database')} FETCHER=${stack.url('sportmonks')} INTERNAL_TOKEN=${stack.internalToken}`);
console.log(`export API=$ORCHESTRATOR JWT=local SIMULATOR=${stack.simulator?.url ?? ''}`);
console.log(`\nMySQL: ${redactUrl(filled.database.url)}\n`);
console.log('Ctrl-C stops everything and drops the database.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void filled.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
