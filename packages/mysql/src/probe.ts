import mariadb from 'mariadb';
import { connectionConfig } from './url.ts';

/** True when a MySQL/MariaDB server answers at the URL with these credentials. */
export async function canConnect(url: string): Promise<boolean> {
  try {
    const connection = await mariadb.createConnection({ ...connectionConfig(url), connectTimeout: 1_000 });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}
