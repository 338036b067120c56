import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionConfig, explainRefusal, redactUrl, TLS_HINT, withDatabase } from '../src/index.ts';

describe('database URLs', () => {
  it('reads credentials, host, port and database, decoding what was encoded', () => {
    expect(connectionConfig('mysql://app:p%40ss@db.internal:3307/insightxi')).toMatchObject({
      host: 'db.internal',
      port: 3307,
      user: 'app',
      password: 'p@ss',
      database: 'insightxi',
      timezone: 'Z',
    });
  });

  it('turns on TLS and key retrieval for MySQL 8.4 logins only when the URL asks', () => {
    expect(connectionConfig('mysql://app@db:3306/x?ssl=true&allowPublicKeyRetrieval=true')).toMatchObject({ ssl: true, allowPublicKeyRetrieval: true });
    const plain = connectionConfig('mysql://app@db:3306/x');
    expect(plain).not.toHaveProperty('ssl');
    expect(plain).not.toHaveProperty('allowPublicKeyRetrieval');
  });

  it('sslca= verifies the server against that CA bundle and its certificate against the host connected to', () => {
    const bundle = join(mkdtempSync(join(tmpdir(), 'sslca-')), 'ca.pem');
    writeFileSync(bundle, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = connectionConfig(`mysql://app@db.abc.eu-west-1.rds.amazonaws.com:3306/x?sslca=${encodeURIComponent(bundle)}`);
    const ssl = config.ssl as { ca: string; rejectUnauthorized: boolean; checkServerIdentity: (name: string, cert: object) => Error | undefined };
    expect(ssl.ca).toContain('BEGIN CERTIFICATE');
    expect(ssl.rejectUnauthorized).toBe(true);
    // Node would check "localhost" for a socket upgraded to TLS; the check uses the URL's host.
    const error = ssl.checkServerIdentity('localhost', { subject: { CN: 'elsewhere.example' }, subjectaltname: 'DNS:elsewhere.example' });
    expect(error?.message).toMatch(/db\.abc\.eu-west-1\.rds\.amazonaws\.com/);
    expect(ssl.checkServerIdentity('localhost', { subject: { CN: 'x' }, subjectaltname: 'DNS:db.abc.eu-west-1.rds.amazonaws.com' })).toBeUndefined();
    expect(() => connectionConfig('mysql://app@db:3306/x?sslca=/nowhere/ca.pem')).toThrow(/cannot read the CA bundle named by sslca \(\/nowhere\/ca\.pem\)/);
  });

  it('a refused plain connection gets the TLS hint; a TLS one, another error or a non-error stays as it was', () => {
    const denied = Object.assign(new Error("Access denied for user 'w'@'localhost'"), { errno: 1045, code: 'ER_ACCESS_DENIED_ERROR' });
    const explained = explainRefusal(denied, 'mysql://w@db:3306/x') as Error & { errno: number; code: string };
    expect(explained.message).toBe(`Access denied for user 'w'@'localhost' (${TLS_HINT})`);
    expect(explained).toMatchObject({ errno: 1045, code: 'ER_ACCESS_DENIED_ERROR', cause: denied });
    expect(explainRefusal(Object.assign(new Error('insecure'), { errno: 3159 }), 'mysql://w@db/x')).not.toBe(denied);
    expect(explainRefusal(denied, 'mysql://w@db:3306/x?ssl=true')).toBe(denied);
    const other = Object.assign(new Error('gone'), { errno: 2013 });
    expect(explainRefusal(other, 'mysql://w@db/x')).toBe(other);
    expect(explainRefusal('text', 'mysql://w@db/x')).toBe('text');
  });

  it('refuses a URL of another database kind', () => {
    expect(() => connectionConfig('postgres://u@h/db')).toThrow(/mysql:\/\//);
  });

  it('hides the password and swaps the database', () => {
    expect(redactUrl('mysql://app:secret@db:3306/x')).toBe('mysql://app:***@db:3306/x');
    expect(withDatabase('mysql://app@db:3306/x?ssl=true', 'y')).toBe('mysql://app@db:3306/y?ssl=true');
  });
});
