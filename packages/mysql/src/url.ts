import { readFileSync } from 'node:fs';
import { checkServerIdentity, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import type { ConnectionConfig } from 'mariadb';

/**
 * TLS from the URL: `sslca=<PEM file>` verifies the server's certificate against that bundle (RDS:
 * /opt/insightxi/rds-ca-bundle.pem in the images) and its name against the host; `ssl=true` against
 * Node's own CAs. Either way an unverified server is refused.
 */
function tlsOptions(parsed: URL, host: string): Pick<ConnectionConfig, 'ssl'> {
  const caFile = parsed.searchParams.get('sslca');
  if (caFile) {
    let ca: string;
    try {
      ca = readFileSync(caFile, 'utf8');
    } catch (error) {
      throw new Error(`database URL: cannot read the CA bundle named by sslca (${caFile}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    // The driver upgrades its open socket to TLS without naming the host, so Node would check the
    // certificate against "localhost": check it against the host we connect to. (The driver passes
    // these options to tls.connect; its own type declares fewer of them.)
    const ssl: ConnectionOptions = {
      ca,
      rejectUnauthorized: true,
      checkServerIdentity: (_name: string, certificate: PeerCertificate) => checkServerIdentity(host, certificate),
    };
    return { ssl };
  }
  return parsed.searchParams.get('ssl') === 'true' ? { ssl: true } : {};
}

/** Connection settings from a `mysql://user:password@host:port/database` URL (Prisma's format). */
export function connectionConfig(url: string): ConnectionConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`database URL must start with mysql:// (got ${parsed.protocol}//…)`);
  }
  const socket = parsed.searchParams.get('socket');
  const flag = (name: string) => parsed.searchParams.get(name) === 'true';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const host = parsed.hostname || '127.0.0.1';
  return {
    host,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    ...(database ? { database } : {}),
    ...(socket ? { socketPath: socket } : {}),
    // MySQL 8.4 logs users in with caching_sha2_password, whose full authentication needs TLS
    // (RDS, compose) or, on a plain connection, the server's RSA key (allowPublicKeyRetrieval).
    ...tlsOptions(parsed, host),
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
