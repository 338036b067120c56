// The read-only account analysts use: SELECT on every table and view of the database, nothing else.
import mariadb from 'mariadb';
import { connectionConfig } from '@insightxi/mysql';

export interface AnalystUser {
  user: string;
  /** MySQL host pattern the account may connect from. */
  host: string;
  password: string;
  /** The database whose tables and views it may read. */
  database: string;
}

const NAME = /^[A-Za-z0-9_.%-]{1,64}$/;

function quoted(value: string, what: string): string {
  if (!NAME.test(value)) throw new Error(`${what} must match ${NAME.source}`);
  return `'${value}'`;
}

/** Creates the account, or resets its password and grants when it exists. Needs an admin URL. */
export async function ensureAnalystUser(adminUrl: string, analyst: AnalystUser): Promise<void> {
  if (analyst.password.length < 8) throw new Error('the analyst password must have at least 8 characters');
  const account = `${quoted(analyst.user, 'user')}@${quoted(analyst.host, 'host')}`;
  const database = `\`${quoted(analyst.database, 'database').slice(1, -1)}\``;
  const connection = await mariadb.createConnection(connectionConfig(adminUrl));
  try {
    await connection.query(`CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY ?`, [analyst.password]);
    await connection.query(`ALTER USER ${account} IDENTIFIED BY ?`, [analyst.password]);
    // Start from nothing so that a re-run also takes back anything granted by hand.
    await connection.query(`REVOKE ALL PRIVILEGES, GRANT OPTION FROM ${account}`);
    await connection.query(`GRANT SELECT, SHOW VIEW ON ${database}.* TO ${account}`);
  } finally {
    await connection.end();
  }
}
