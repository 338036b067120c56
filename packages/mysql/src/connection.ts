import mariadb, { type Connection, type ConnectionConfig } from 'mariadb';
import { explainRefusal } from './tls-hint.ts';
import { connectionConfig } from './url.ts';

/** Runs `work` on one connection to the URL and always closes it. */
export async function withConnection<T>(url: string, work: (connection: Connection) => Promise<T>, options: Partial<ConnectionConfig> = {}): Promise<T> {
  const connection = await mariadb.createConnection({ ...connectionConfig(url), ...options }).catch((error: unknown) => {
    throw explainRefusal(error, url);
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}
