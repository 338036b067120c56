import { writeFileSync } from 'node:fs';
import { startFilledStack } from '../src/fill.ts';
const f = await startFilledStack('docs_serve');
writeFileSync('/tmp/q/env.sh', `export ORCHESTRATOR=${f.stack.url('orchestrator')} OPERATOR_TOKEN=${f.stack.operatorToken} WRITER=${f.stack.url('database')} FETCHER=${f.stack.url('sportmonks')} INTERNAL_TOKEN=${f.stack.internalToken} DB=${f.database.name}\n`);
console.log('ready');
process.on('SIGTERM', () => { void f.stop().then(() => process.exit(0)); });
setInterval(() => undefined, 1 << 30);
