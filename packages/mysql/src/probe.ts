import { withConnection } from './connection.ts';

/** True when a MySQL/MariaDB server answers at the URL with these credentials. */
export async function canConnect(url: string): Promise<boolean> {
  try {
    await withConnection(url, () => Promise.resolve(), { connectTimeout: 1_000 });
    return true;
  } catch {
    return false;
  }
}
