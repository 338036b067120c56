import type { ConnectionConfig } from 'mariadb';

/** Connection settings from a `mysql://user:password@host:port/database` URL (Prisma's format). */
export function connectionConfig(url: string): ConnectionConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`database URL must start with mysql:// (got ${parsed.protocol}//…)`);
  }
  const socket = parsed.searchParams.get('socket');
  const flag = (name: string) => parsed.searchParams.get(name) === 'true';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    ...(database ? { database } : {}),
    ...(socket ? { socketPath: socket } : {}),
    // MySQL 8.4 logs users in with caching_sha2_password: without TLS the driver must fetch
    // the server's key on a user's first login. Both stay opt-in through the URL.
    ...(flag('ssl') ? { ssl: true } : {}),
    ...(flag('allowPublicKeyRetrieval') ? { allowPublicKeyRetrieval: true } : {}),
    timezone: 'Z',
    connectTimeout: 5_000,
  };
}

/** The same server with another database (or none). */
export function withDatabase(url: string, database: string | null): string {
  const parsed = new URL(url);
  parsed.pathname = database ? `/${encodeURIComponent(database)}` : '';
  return parsed.toString();
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
