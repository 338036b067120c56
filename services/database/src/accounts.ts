// The MySQL accounts of the project database besides the admin that migrates, each with only
// what it needs: analysts read; the writer service reads and writes rows. Neither can change
// the schema (DROP, ALTER, CREATE): that stays with MIGRATION_DATABASE_URL's account.
import { withConnection } from '@insightxi/mysql';

export interface DatabaseAccount {
  user: string;
  /** MySQL host pattern the account may connect from. */
  host: string;
  password: string;
  /** The database its privileges cover (its tables and views, present and future). */
  database: string;
}

/** Reads tables and views. */
export const ANALYST_PRIVILEGES = ['SELECT', 'SHOW VIEW'] as const;
/**
 * What the writer runs: Prisma's queries and the bulk writer's multi-row upserts (INSERT … ON
 * DUPLICATE KEY UPDATE), SELECT … FOR UPDATE locks, deletes. No temporary tables, routines or
 * LOCK TABLES are used, so none are granted.
 */
export const SERVICE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

const NAME = /^[A-Za-z0-9_.%-]{1,64}$/;

function quoted(value: string, what: string): string {
  if (!NAME.test(value)) throw new Error(`${what} must match ${NAME.source}`);
  return `'${value}'`;
}

/**
 * MySQL (8.0.14 and later) keeps the password an account had as its secondary one when a new one
 * is set with RETAIN CURRENT PASSWORD, so tasks that still hold the old one log in until they
 * restart: a rotation refuses nobody. MariaDB has no such thing; there the password simply changes.
 */
export function keepsOldPassword(serverVersion: string): boolean {
  if (/mariadb/i.test(serverVersion)) return false;
  const [major = 0, minor = 0, patch = 0] = serverVersion.split(/[.-]/).map(Number);
  return major * 10_000 + minor * 100 + patch >= 80_014;
}

/**
 * Creates the account, or resets its password and grants when it exists (a re-run also takes
 * back anything granted by hand, e.g. the ALL PRIVILEGES the mysql image gives MYSQL_USER). On
 * MySQL the password it had stays valid beside the new one until the next run (keepsOldPassword).
 * Needs an admin URL.
 */
export async function ensureAccount(adminUrl: string, account: DatabaseAccount, privileges: readonly string[]): Promise<void> {
  if (account.password.length < 8) throw new Error(`the password of ${account.user} must have at least 8 characters`);
  const name = `${quoted(account.user, 'user')}@${quoted(account.host, 'host')}`;
  const database = `\`${quoted(account.database, 'database').slice(1, -1)}\``;
  await withConnection(adminUrl, async (connection) => {
    const [server] = await connection.query<{ version: string }[]>('SELECT VERSION() AS version');
    await connection.query(`CREATE USER IF NOT EXISTS ${name} IDENTIFIED BY ?`, [account.password]);
    const retain = keepsOldPassword(server?.version ?? '') ? ' RETAIN CURRENT PASSWORD' : '';
    await connection.query(`ALTER USER ${name} IDENTIFIED BY ?${retain}`, [account.password]);
    await connection.query(`REVOKE ALL PRIVILEGES, GRANT OPTION FROM ${name}`);
    await connection.query(`GRANT ${privileges.join(', ')} ON ${database}.* TO ${name}`);
  });
}

export const ensureAnalystUser = (adminUrl: string, analyst: DatabaseAccount): Promise<void> => ensureAccount(adminUrl, analyst, ANALYST_PRIVILEGES);

export const ensureServiceUser = (adminUrl: string, service: DatabaseAccount): Promise<void> => ensureAccount(adminUrl, service, SERVICE_PRIVILEGES);
