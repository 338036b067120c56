// make retention, and the scheduled retention task in AWS: deletes sync_run_pages and quarantine
// rows older than RETENTION_DAYS (default 90), as the writer's account (it may DELETE rows).
// Prints one JSON line with what went; exits 1 with the reason when it cannot.
import { resolveDatabaseUrl } from '@insightxi/mysql';
import { pruneOlderThan, retentionDays } from '../src/retention.ts';

try {
  const pruned = await pruneOlderThan(await resolveDatabaseUrl(), retentionDays(process.env));
  console.log(JSON.stringify({ level: 'info', msg: 'retention: old rows deleted', ...pruned }));
} catch (error) {
  console.error(JSON.stringify({ level: 'error', msg: 'retention failed', reason: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
}
