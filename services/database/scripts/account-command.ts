// What `make analyst-user` and `make service-user` share: the account from the environment
// (<PREFIX>_PASSWORD required, <PREFIX>_USER and <PREFIX>_HOST optional), made as the admin
// account (MIGRATION_DATABASE_URL, else DATABASE_URL, else the local root), then one line
// saying what it may do and the URL to connect with (password hidden).
import { resolveAdminUrl } from '@insightxi/mysql';
import type { DatabaseAccount } from '../src/accounts.ts';

export interface AccountCommand {
  /** The make target, for messages: analyst-user, service-user. */
  target: string;
  /** ANALYST reads ANALYST_PASSWORD, ANALYST_USER, ANALYST_HOST. */
  prefix: string;
  defaultUser: string;
  /** What the account may do, to end the sentence "'user'@'host' …". */
  may: (database: string) => string;
  ensure(adminUrl: string, account: DatabaseAccount): Promise<void>;
}

async function createAccount(command: AccountCommand, env: NodeJS.ProcessEnv): Promise<void> {
  const password = env[`${command.prefix}_PASSWORD`] ?? '';
  if (password === '') {
    throw new Error(`set ${command.prefix}_PASSWORD (at least 8 characters), e.g. ${command.prefix}_PASSWORD=… make ${command.target}`);
  }
  const adminUrl = await resolveAdminUrl(env);
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  const user = env[`${command.prefix}_USER`] ?? command.defaultUser;
  const host = env[`${command.prefix}_HOST`] ?? '%';
  await command.ensure(adminUrl, { user, host, password, database });
  const url = new URL(adminUrl);
  url.username = user;
  url.password = '***';
  console.log(`'${user}'@'${host}' ${command.may(database)}; connect as ${url.toString()}`);
}

export function runAccountCommand(command: AccountCommand, env: NodeJS.ProcessEnv = process.env): void {
  createAccount(command, env).catch((error: unknown) => {
    console.error(`${command.target}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
