// make analyst-user: creates (or updates) the read-only `analyst` MySQL user.
// ANALYST_PASSWORD is required; ANALYST_USER (analyst) and ANALYST_HOST (%) are optional.
// DATABASE_URL must be an account that may create users (locally: root).
import { resolveDatabaseUrl } from '@insightxi/mysql';
import { ensureAnalystUser } from '../src/analyst.ts';

async function main(): Promise<void> {
  const password = process.env.ANALYST_PASSWORD ?? '';
  if (password === '') throw new Error('set ANALYST_PASSWORD (at least 8 characters), e.g. ANALYST_PASSWORD=… make analyst-user');
  const url = await resolveDatabaseUrl();
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const user = process.env.ANALYST_USER ?? 'analyst';
  const host = process.env.ANALYST_HOST ?? '%';
  await ensureAnalystUser(url, { user, host, password, database });
  console.log(`'${user}'@'${host}' can now SELECT from ${database} (tables and views), and nothing else`);
}

main().catch((error: unknown) => {
  console.error(`analyst-user: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
