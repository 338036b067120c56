// Where the project's MySQL is: DATABASE_URL if set; else the server on 127.0.0.1:3306
// (root, empty password); else a private mariadbd in .data/mysql; else say what to install.
// Schema changes and accounts may need a stronger account than the services' own:
// MIGRATION_DATABASE_URL names it.
import { join } from 'node:path';
import { privateServer, findMariadbd } from './private-server.ts';
import { canConnect } from './probe.ts';
import { repoRoot } from './repo-root.ts';
import { withDatabase } from './url.ts';

export const DEFAULT_DATABASE = 'insightxi';
export const LOCAL_SERVER_URL = 'mysql://root@127.0.0.1:3306';
export const PRIVATE_SERVER_PORT = 3307;

export function projectPrivateServer() {
  return privateServer({ dir: join(repoRoot(), '.data', 'mysql'), port: PRIVATE_SERVER_PORT });
}

/** A server URL without a database name. */
export async function resolveServerUrl(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.DATABASE_URL) return withDatabase(env.DATABASE_URL, null);
  if (await canConnect(LOCAL_SERVER_URL)) return LOCAL_SERVER_URL;
  if (findMariadbd()) {
    const server = projectPrivateServer();
    await server.start();
    return server.url;
  }
  throw new Error(
    'No MySQL found: set DATABASE_URL=mysql://user:password@host:3306/insightxi, ' +
      'run a MySQL/MariaDB server on 127.0.0.1:3306 (root, empty password), ' +
      'or install MariaDB (apt-get install mariadb-server) so that a private server can be started in .data/mysql.',
  );
}

/** The project database URL: DATABASE_URL as given, else `insightxi` on the located server. */
export async function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return withDatabase(await resolveServerUrl(env), DEFAULT_DATABASE);
}

/**
 * The account that migrates and creates users: MIGRATION_DATABASE_URL when set, so that the
 * services' DATABASE_URL can be an account that cannot change the schema; else the project
 * database URL (locally: root).
 */
export async function resolveAdminUrl(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.MIGRATION_DATABASE_URL) return env.MIGRATION_DATABASE_URL;
  return resolveDatabaseUrl(env);
}
