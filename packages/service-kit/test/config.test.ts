import { describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { CommonConfig, ConfigError, loadConfig } from '@insightxi/service-kit';

const Config = Type.Object({
  ...CommonConfig,
  PORT: Type.Integer({ default: 8001, minimum: 1, maximum: 65535 }),
  DATABASE_URL: Type.String({ pattern: '^mysql://', description: 'mysql://user:password@host:3306/db' }),
  REDIS_URL: Type.Optional(Type.String()),
  DRY_RUN: Type.Boolean({ default: false }),
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(Config, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults and turns strings into numbers and booleans', () => {
    const config = loadConfig(Config, {
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/insightxi',
      INTERNAL_TOKEN: 'a-long-enough-token',
      PORT: '9100',
      DRY_RUN: 'true',
      UNRELATED: 'ignored',
    });
    expect(config).toEqual({
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      LOG_PRETTY: false,
      SHUTDOWN_DELAY_MS: 10_000,
      INTERNAL_TOKEN: 'a-long-enough-token',
      PORT: 9100,
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/insightxi',
      DRY_RUN: true,
    });
  });

  it('names every missing variable in one error', () => {
    expect(problemsOf({}).map((p) => p.split(' —')[0])).toEqual(['INTERNAL_TOKEN: missing', 'DATABASE_URL: missing']);
  });

  it('treats an empty variable as missing', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x', INTERNAL_TOKEN: '' })).toEqual([expect.stringMatching(/^INTERNAL_TOKEN: missing — bearer token between the services/)]);
  });

  it('reads the previous internal token beside the current one (a rotation), and checks it the same way', () => {
    const config = loadConfig(Config, { DATABASE_URL: 'mysql://x', INTERNAL_TOKEN: 'a-long-enough-token', INTERNAL_TOKEN_PREVIOUS: 'the-token-before-it' });
    expect(config.INTERNAL_TOKEN_PREVIOUS).toBe('the-token-before-it');
    expect(problemsOf({ DATABASE_URL: 'mysql://x', INTERNAL_TOKEN: 'a-long-enough-token', INTERNAL_TOKEN_PREVIOUS: 'short' })).toEqual([
      expect.stringMatching(/^INTERNAL_TOKEN_PREVIOUS: invalid \(must NOT have fewer than 16 characters\)/),
    ]);
  });

  it('names the choices of a variable that takes one of a few values', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x', INTERNAL_TOKEN: 'a-long-enough-token', LOG_LEVEL: 'chatty' })).toEqual([
      'LOG_LEVEL: invalid (must be one of fatal, error, warn, info, debug, trace, silent) — pino log level',
    ]);
  });

  it('names malformed variables without echoing their values', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://u:hunter2@h/db', INTERNAL_TOKEN: 'short', PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['LOG_LEVEL', 'INTERNAL_TOKEN', 'PORT', 'DATABASE_URL']);
    expect(problems.every((p) => p.includes(': invalid ('))).toBe(true);
    expect(problems.join('\n')).not.toMatch(/hunter2|short|eighty|chatty/);
  });

  it('puts the whole list in the message', () => {
    expect(() => loadConfig(Config, { PORT: '0', INTERNAL_TOKEN: 'a-long-enough-token' })).toThrow(
      'Invalid configuration (2 problems):\n  - PORT: invalid (must be >= 1)\n  - DATABASE_URL: missing — mysql://user:password@host:3306/db',
    );
  });
});
