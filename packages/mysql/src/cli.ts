#!/usr/bin/env tsx
// insightxi-db: the project's database commands (locate, create, migrate, status, baseline).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from './databases.ts';
import { projectPrivateServer, resolveAdminUrl, resolveDatabaseUrl } from './locate.ts';
import { baseline, migrate, migrationStatus } from './migrations.ts';
import { repoRoot } from './repo-root.ts';
import { connectionConfig, redactUrl, withDatabase } from './url.ts';

const USAGE = `usage: insightxi-db <command> [--dir <migrations folder>]
  url              print the project database URL (creating the database; starting a private server if needed)
  migrate          apply pending migrations to the project database, as MIGRATION_DATABASE_URL when set
  status           list applied and pending migrations; exit 1 when any is pending or failed
  baseline <name>  mark a migration as applied without running it
  shell            open a mysql client on the project database
  stop-private     stop the private MariaDB in .data/mysql, if one runs`;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' } } });
const [command, argument] = positionals;
const dirOption = values.dir ?? join(repoRoot(), 'services', 'database', 'prisma', 'migrations');
const migrationsDir = isAbsolute(dirOption) ? dirOption : join(process.cwd(), dirOption);

/** The project database, created if missing; `admin`: reached as the account that migrates. */
async function projectDatabase(admin = false): Promise<string> {
  const url = admin ? await resolveAdminUrl() : await resolveDatabaseUrl();
  const name = new URL(url).pathname.replace(/^\//, '');
  await createDatabase(withDatabase(url, null), decodeURIComponent(name));
  return url;
}

function openShell(url: string): number {
  const client = ['/usr/bin/mariadb', '/usr/bin/mysql', '/usr/local/bin/mysql'].find((path) => existsSync(path));
  if (!client) throw new Error('no mysql client found: apt-get install mariadb-client');
  const config = connectionConfig(url);
  const args = [`--host=${config.host ?? '127.0.0.1'}`, `--port=${config.port ?? 3306}`, `--user=${config.user ?? 'root'}`, config.database ?? ''];
  // The password travels in the environment, not on the command line where `ps` shows it.
  const env = config.password ? { ...process.env, MYSQL_PWD: config.password } : process.env;
  return spawnSync(client, args, { stdio: 'inherit', env }).status ?? 1;
}

async function main(): Promise<number> {
  switch (command) {
    case 'url':
      console.log(await projectDatabase());
      return 0;
    case 'migrate': {
      const url = await projectDatabase(true);
      const applied = await migrate(url, migrationsDir);
      console.log(applied.length ? `applied ${applied.join(', ')} to ${redactUrl(url)}` : `${redactUrl(url)} is up to date`);
      return 0;
    }
    case 'status': {
      const status = await migrationStatus(await projectDatabase(true), migrationsDir);
      for (const name of status.applied) console.log(`applied  ${name}${status.modified.includes(name) ? ' (file changed since)' : ''}`);
      for (const name of status.pending) console.log(`pending  ${name}`);
      for (const name of status.failed) console.log(`FAILED   ${name}`);
      return status.pending.length + status.failed.length > 0 ? 1 : 0;
    }
    case 'baseline':
      if (!argument) break;
      await baseline(await projectDatabase(true), migrationsDir, argument);
      console.log(`marked ${argument} as applied`);
      return 0;
    case 'shell':
      return openShell(await projectDatabase());
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
