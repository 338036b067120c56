import { describe, expect, it } from 'vitest';
import { connectionConfig, redactUrl, withDatabase } from '../src/index.ts';

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

  it('refuses a URL of another database kind', () => {
    expect(() => connectionConfig('postgres://u@h/db')).toThrow(/mysql:\/\//);
  });

  it('hides the password and swaps the database', () => {
    expect(redactUrl('mysql://app:secret@db:3306/x')).toBe('mysql://app:***@db:3306/x');
    expect(withDatabase('mysql://app@db:3306/x?ssl=true', 'y')).toBe('mysql://app@db:3306/y?ssl=true');
  });
});
