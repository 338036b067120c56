// make chaos: every scenario against a fresh database, one table row each, then the secret grep
// over everything the services logged. Exits 1 when a row or the grep fails.
// Usage: pnpm --filter @insightxi/bench chaos [scenario keys…]   (keys: see src/chaos/scenarios.ts)
import { passed, type ChaosRow } from './row.ts';
import { chaosContext } from './harness.ts';
import { SCENARIOS } from './scenarios.ts';
import { SecretScanner } from './secrets.ts';
import { formatDetails, formatSecrets, formatTable } from './table.ts';
import { undoAll } from './teardown.ts';

const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = wanted.filter((key) => !SCENARIOS.some((s) => s.key === key));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.key).join(', ')}`);
  process.exit(2);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`chaos: ${signal}, cleaning up …`);
    void undoAll().finally(() => process.exit(130));
  });
}

const scanner = new SecretScanner();
const context = chaosContext(scanner);
const rows: ChaosRow[] = [];
const started = performance.now();
for (const scenario of SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.key))) {
  console.error(`chaos: ${scenario.key} …`);
  const row = await scenario.run(context);
  console.error(`chaos: ${scenario.key} ${passed(row) ? 'passed' : 'FAILED'} in ${row.seconds.toFixed(1)} s`);
  rows.push(row);
}

console.log(formatTable(rows));
const details = formatDetails(rows);
if (details !== '') console.log(details);
console.log(formatSecrets(scanner.hits, scanner.scanned));
const failed = rows.filter((r) => !passed(r)).length;
console.log(`${String(rows.length - failed)} of ${String(rows.length)} scenarios pass, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed > 0 || scanner.hits.length > 0) process.exitCode = 1;
