import { Type, type Static, type TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
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

/** Variables every service reads; spread them into a service's own schema. */
export const CommonConfig = {
  HOST: Type.String({ default: '0.0.0.0', description: 'interface to listen on' }),
  LOG_LEVEL: Type.Union(
    [Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')],
    { default: 'info', description: 'pino log level' },
  ),
  LOG_PRETTY: Type.Boolean({ default: false, description: 'human-readable logs when stdout is a terminal' }),
  SHUTDOWN_DELAY_MS: Type.Integer({ default: 10_000, minimum: 0, description: 'grace period for in-flight requests on SIGTERM' }),
};

function describeProblem(name: string, message: string, present: boolean, schemaDescription: string | undefined): string {
  const what = present ? `invalid (${message.toLowerCase()})` : 'missing';
  return schemaDescription ? `${name}: ${what} — ${schemaDescription}` : `${name}: ${what}`;
}

/**
 * Reads the schema's properties from `env`: empty strings count as unset, defaults apply,
 * strings become numbers/booleans where the schema says so. Throws one ConfigError naming
 * every missing or malformed variable (names and reasons only: values may be secrets).
 */
export function loadConfig<T extends TObject>(schema: T, env: Env = process.env): Static<T> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(schema.properties)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const candidate: unknown = Value.Convert(schema, Value.Default(schema, raw));
  if (Value.Check(schema, candidate)) return candidate;

  const problems = new Map<string, string>();
  for (const error of Value.Errors(schema, candidate)) {
    const name = error.path.split('/')[1] ?? error.path;
    if (problems.has(name)) continue;
    const property = schema.properties[name] as { description?: string } | undefined;
    problems.set(name, describeProblem(name, error.message, name in raw, property?.description));
  }
  const inSchemaOrder = Object.keys(schema.properties).flatMap((name) => problems.get(name) ?? []);
  throw new ConfigError(inSchemaOrder.length === problems.size ? inSchemaOrder : [...problems.values()]);
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
