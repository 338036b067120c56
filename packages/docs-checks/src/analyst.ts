// A read-only analyst account made by the script behind `make analyst-user`, under a unique name
// so that parallel test runs on one server don't share it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mariadb from 'mariadb';
import { connectionConfig, repoRoot, withDatabase } from '@insightxi/mysql';

export interface AnalystAccount {
  /** mysql://analyst:…@host/database */
  url: string;
  user: string;
  drop(): Promise<void>;
}

function run(entry: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${entry} exited with ${String(code)}: ${output}`));
    });
  });
}

export async function createAnalystAccount(adminDatabaseUrl: string): Promise<AnalystAccount> {
  const user = `docs_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await run(join('scripts', 'analyst-user.ts'), join(repoRoot(), 'services', 'database'), {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: adminDatabaseUrl,
    ANALYST_USER: user,
    ANALYST_PASSWORD: password,
    ANALYST_HOST: '%',
  });
  const url = new URL(adminDatabaseUrl);
  url.username = user;
  url.password = password;
  const drop = async () => {
    const connection = await mariadb.createConnection(connectionConfig(withDatabase(adminDatabaseUrl, null)));
    try {
      await connection.query(`DROP USER IF EXISTS '${user}'@'%'`);
    } finally {
      await connection.end();
    }
  };
  return { url: url.toString(), user, drop };
}
