#!/usr/bin/env tsx
// insightxi-db: the project's database commands (locate, create, migrate, status, baseline).
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from './databases.ts';
import { projectPrivateServer, resolveDatabaseUrl } from './locate.ts';
import { baseline, migrate, migrationStatus } from './migrations.ts';
import { repoRoot } from './repo-root.ts';
import { redactUrl, withDatabase } from './url.ts';

const USAGE = `usage: insightxi-db <command> [--dir <migrations folder>]
  url              print the project database URL (creating the database; starting a private server if needed)
  migrate          apply pending migrations to the project database
  status           list applied and pending migrations; exit 1 when any is pending or failed
  baseline <name>  mark a migration as applied without running it
  stop-private     stop the private MariaDB in .data/mysql, if one runs`;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' } } });
const [command, argument] = positionals;
const dirOption = values.dir ?? join(repoRoot(), 'services', 'database', 'prisma', 'migrations');
const migrationsDir = isAbsolute(dirOption) ? dirOption : join(process.cwd(), dirOption);

async function projectDatabase(): Promise<string> {
  const url = await resolveDatabaseUrl();
  const name = new URL(url).pathname.replace(/^\//, '');
  await createDatabase(withDatabase(url, null), decodeURIComponent(name));
  return url;
}

async function main(): Promise<number> {
  switch (command) {
    case 'url':
      console.log(await projectDatabase());
      return 0;
    case 'migrate': {
      const url = await projectDatabase();
      const applied = await migrate(url, migrationsDir);
      console.log(applied.length ? `applied ${applied.join(', ')} to ${redactUrl(url)}` : `${redactUrl(url)} is up to date`);
      return 0;
    }
    case 'status': {
      const status = await migrationStatus(await projectDatabase(), migrationsDir);
      for (const name of status.applied) console.log(`applied  ${name}${status.modified.includes(name) ? ' (file changed since)' : ''}`);
      for (const name of status.pending) console.log(`pending  ${name}`);
      for (const name of status.failed) console.log(`FAILED   ${name}`);
      return status.pending.length + status.failed.length > 0 ? 1 : 0;
    }
    case 'baseline':
      if (!argument) break;
      await baseline(await projectDatabase(), migrationsDir, argument);
      console.log(`marked ${argument} as applied`);
      return 0;
    case 'stop-private':
      await projectPrivateServer().stop();
      return 0;
  }
  console.error(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`insightxi-db ${command ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
