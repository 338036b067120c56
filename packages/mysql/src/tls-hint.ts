// A server that requires TLS refuses a plain connection: MySQL says why (error 3159), MariaDB
// answers a bare "Access denied" (MDEV-30178). Either way, when the URL asked for no TLS, the
// error we pass on says what to change.
import { connectionConfig } from './url.ts';

const REFUSALS = new Set([1045, 3159]);

export const TLS_HINT =
  'the connection was not encrypted: a server that requires TLS (RDS with require_secure_transport, compose, the TLS tests) refuses it; add sslca=<CA bundle> to the database URL';

/** The error as is, or, for a refused plain connection, a copy whose message ends with the hint. */
export function explainRefusal(error: unknown, url: string): unknown {
  if (!(error instanceof Error)) return error;
  const errno = (error as { errno?: unknown }).errno;
  if (typeof errno !== 'number' || !REFUSALS.has(errno)) return error;
  if (connectionConfig(url).ssl !== undefined) return error;
  const explained = new Error(`${error.message} (${TLS_HINT})`, { cause: error });
  return Object.assign(explained, { errno, code: (error as { code?: unknown }).code });
}
