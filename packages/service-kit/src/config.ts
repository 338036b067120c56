import { Type, type Static, type TObject } from '@sinclair/typebox';
import { envSchema } from 'env-schema';
import { scrubSecrets } from './redact.ts';

/** Start-up configuration is wrong; the message names every problem, never a value. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type Env = Record<string, string | undefined>;

const Token = (description: string) => Type.String({ minLength: 16, description });

/** Variables every service reads; spread them into a service's own schema. */
export const CommonConfig = {
  HOST: Type.String({ default: '0.0.0.0', description: 'interface to listen on' }),
  LOG_LEVEL: Type.Union(
    [Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')],
    { default: 'info', description: 'pino log level' },
  ),
  LOG_PRETTY: Type.Boolean({ default: false, description: 'human-readable logs when stdout is a terminal' }),
  SHUTDOWN_DELAY_MS: Type.Integer({ default: 10_000, minimum: 0, description: 'grace period for in-flight requests on SIGTERM' }),
  INTERNAL_TOKEN: Token('bearer token between the services: required by every route but health, docs and metrics, and sent on every call to another service (or INTERNAL_TOKEN_SECRET_ARN)'),
  INTERNAL_TOKEN_PREVIOUS: Type.Optional(Token('during a rotation, the token being replaced: still accepted, never sent (or INTERNAL_TOKEN_PREVIOUS_SECRET_ARN)')),
};
export type CommonConfig = Static<ReturnType<typeof Type.Object<typeof CommonConfig>>>;

/** The secrets of CommonConfig: server.ts passes them (and its own) to resolveSecrets. */
export const COMMON_SECRETS = ['INTERNAL_TOKEN', 'INTERNAL_TOKEN_PREVIOUS'] as const;

/** The bearer tokens a service accepts: the current one and, during a rotation, the previous one. */
export function acceptedTokens(current: string, previous?: string): string[] {
  return previous === undefined || previous === current ? [current] : [current, previous];
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { missingProperty?: string; allowedValue?: unknown };
}

/**
 * Reads the schema's properties from `env` with env-schema (ajv: defaults, strings coerced to
 * numbers and booleans). Empty strings count as unset: compose and ECS pass `NAME=` for an
 * unset value, which ajv would coerce to 0 or false. Throws one ConfigError naming every
 * missing or malformed variable in schema order (names and reasons only: values may be secrets).
 */
export function loadConfig<T extends TObject>(schema: T, env: Env = process.env): Static<T> {
  const data: Record<string, string> = {};
  for (const name of Object.keys(schema.properties)) {
    const value = env[name];
    if (value !== undefined && value !== '') data[name] = value;
  }
  try {
    // A copy: env-schema closes the schema it is given (additionalProperties: false).
    return envSchema<Static<T>>({ schema: { ...schema }, data, env: false });
  } catch (error) {
    const issues = (error as { errors?: AjvIssue[] }).errors;
    if (issues === undefined) throw error;
    throw new ConfigError(describeIssues(schema, issues, data));
  }
}

function describeIssues(schema: TObject, issues: readonly AjvIssue[], present: Record<string, string>): string[] {
  const byName = new Map<string, string>();
  const allowed = new Map<string, string[]>();
  for (const issue of issues) {
    const name = issue.params.missingProperty ?? issue.instancePath.split('/')[1] ?? '';
    // A union of literals (LOG_LEVEL) fails once per branch: name the choices instead.
    if (issue.keyword === 'const') allowed.set(name, [...(allowed.get(name) ?? []), String(issue.params.allowedValue)]);
    const choices = allowed.get(name);
    byName.set(name, choices === undefined ? (issue.message ?? 'is invalid') : `must be one of ${choices.join(', ')}`);
  }
  return Object.keys(schema.properties).flatMap((name) => {
    const message = byName.get(name);
    if (message === undefined) return [];
    const what = name in present ? `invalid (${message})` : 'missing';
    const description = (schema.properties[name] as { description?: string }).description;
    return [description ? `${name}: ${what} — ${description}` : `${name}: ${what}`];
  });
}

/**
 * The body of a server.ts: runs `main`, and when it fails prints one message and exits 1 —
 * a ConfigError without a stack trace (it is the operator's to fix, not a bug).
 */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`start-up failed: ${scrubSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    }
    process.exit(1);
  });
}
