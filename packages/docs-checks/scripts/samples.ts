// Refreshes the sample results in docs/analysts.md: fills a database with one simulator sync
// (seed 42, clock fixed at SAMPLE_CLOCK), runs every ```sql block as the read-only analyst and
// writes its output into the ```text block that follows it (adding one where missing).
//   pnpm --filter @insightxi/docs-checks run samples
import { writeFileSync } from 'node:fs';
import { createAnalystAccount } from '../src/analyst.ts';
import { startFilledStack } from '../src/fill.ts';
import { ANALYSTS_GUIDE, readGuide } from '../src/guides.ts';
import { connect, formatTable, runSelect } from '../src/sql.ts';

const { markdown } = readGuide(ANALYSTS_GUIDE);
const SQL_WITH_SAMPLE = /```sql\n([\s\S]*?)```\n(?:[ \t]*\n)*(?:```text\n[\s\S]*?```\n(?:[ \t]*\n)*)?/g;

const filled = await startFilledStack('docs_samples');
try {
  console.log(`filled by run ${String(filled.summary.runId)}: ${JSON.stringify(filled.summary.counters)}`);
  const analyst = await createAnalystAccount(filled.database.url);
  const connection = await connect(analyst.url);
  try {
    const outputs: string[] = [];
    for (const match of markdown.matchAll(SQL_WITH_SAMPLE)) {
      const result = await runSelect(connection, match[1] ?? '');
      console.log(`${String(result.rows.length).padStart(4)} rows  ${(match[1] ?? '').split('\n')[0] ?? ''}`);
      outputs.push(formatTable(result));
    }
    let index = 0;
    const refreshed = markdown.replace(SQL_WITH_SAMPLE, (_whole, sql: string) => `\`\`\`sql\n${sql}\`\`\`\n\n\`\`\`text\n${outputs[index++] ?? ''}\n\`\`\`\n\n`);
    writeFileSync(ANALYSTS_GUIDE, refreshed);
    console.log(`wrote ${outputs.length} samples to ${ANALYSTS_GUIDE}`);
  } finally {
    await connection.end();
    await analyst.drop();
  }
} finally {
  await filled.stop();
}
