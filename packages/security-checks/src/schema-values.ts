// Values for a JSON schema (the routes' TypeBox schemas): one that fits it, and many that
// shouldn't. Whether a candidate is really invalid is decided by TypeBox against the same schema,
// so a generator that guesses wrong produces a hostile-but-valid case, never a false alarm.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import '@insightxi/contracts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
}

const asTSchema = (schema: JsonSchema): TSchema => schema as unknown as TSchema;

/** As Fastify sees it: query strings and path params arrive as strings and are converted first. */
export function fits(schema: JsonSchema, value: unknown, convert: boolean): boolean {
  const candidate = convert ? Value.Convert(asTSchema(schema), value) : value;
  return Value.Check(asTSchema(schema), candidate);
}

const isDateish = (schema: JsonSchema): boolean =>
  schema.format === 'date' || schema.format === 'date-time' || (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') ?? false);

function nonNullBranches(schema: JsonSchema): JsonSchema[] {
  return (schema.anyOf ?? []).filter((branch) => branch.type !== 'null');
}

const STRING_GUESSES = ['1', '1,2', 'abc', 'x1', '2025-01-01', '2025-01-01T00:00:00.000Z', 'latest', 'all'];

/** A value that fits the schema, or undefined when none could be made. */
export function sample(schema: JsonSchema): unknown {
  const value = rawSample(schema);
  return value !== undefined && fits(schema, value, false) ? value : undefined;
}

function rawSample(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (schema.anyOf) {
    // Nullable fields get null: fewer references to rows that don't exist.
    if (schema.anyOf.some((branch) => branch.type === 'null')) return null;
    return schema.anyOf.map(rawSample).find((value) => value !== undefined);
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return STRING_GUESSES.map((guess) => guess.padEnd(schema.minLength ?? 0, 'x')).find((guess) => fits(schema, guess, false));
    case 'array':
      return (schema.minItems ?? 0) > 0 && schema.items ? [rawSample(schema.items)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const property = schema.properties?.[name];
        if (property) out[name] = rawSample(property);
      }
      return out;
    }
    default:
      return undefined;
  }
}

export const BAD_DATES = ['2024-13-45', '2024-02-30', '2024-00-10', '0000-00-00', '9999-99-99', '2024-1-1', 'yesterday', '20240101', '2024-01-01T25:61:00Z', '1e10'];
const BAD_TEXT = ['../../etc/passwd', "1' OR '1'='1", '%00', '<script>alert(1)</script>', '🏟️⚽'];

/** Candidate bad values as a query string or path parameter would carry them. */
export function badStrings(schema: JsonSchema): string[] {
  const branches = schema.anyOf ? nonNullBranches(schema) : [schema];
  const out = new Set<string>();
  for (const branch of branches) {
    if (isDateish(branch)) BAD_DATES.forEach((value) => out.add(value));
    if (branch.const !== undefined || branch.enum !== undefined) ['nope', 'FIXTURES', '__proto__'].forEach((value) => out.add(value));
    switch (branch.type) {
      case 'integer':
      case 'number':
        ['abc', '1.5', '-1', '0', '1e400', '99999999999999999999', '2147483648', '0x10'].forEach((value) => out.add(value));
        break;
      case 'boolean':
        ['maybe', '2', 'yes'].forEach((value) => out.add(value));
        break;
      case 'string':
        if (branch.pattern) ['abc!', '1,,2', '-1', ...BAD_TEXT].forEach((value) => out.add(value));
        if (branch.maxLength !== undefined) out.add('a'.repeat(branch.maxLength + 1));
        break;
    }
  }
  if (out.size === 0) BAD_TEXT.forEach((value) => out.add(value));
  return [...out];
}

/** Candidate bad values inside a JSON body. */
export function badJsonValues(schema: JsonSchema): unknown[] {
  const branches = schema.anyOf ? nonNullBranches(schema) : [schema];
  const out: unknown[] = [];
  for (const branch of branches) {
    if (isDateish(branch)) out.push(...BAD_DATES, '2024-01-01T00:00:00', '+275760-09-13T00:00:00.001Z');
    if (branch.const !== undefined || branch.enum !== undefined) out.push('nope', 42);
    switch (branch.type) {
      case 'integer':
      case 'number':
        out.push('abc', 1.5, -1, 0, 1e308, 1e20, 2147483648, { n: 1 }, []);
        break;
      case 'boolean':
        out.push('maybe', 2, { b: true });
        break;
      case 'string':
        out.push({ s: 'x' }, [], ['a', 'b'], 'a'.repeat(100_000), "'; DROP TABLE leagues; --", '\u0000');
        if (branch.maxLength !== undefined) out.push('a'.repeat(branch.maxLength + 1));
        break;
      case 'array':
        out.push({ a: 1 }, [{}], [[]]);
        break;
      case 'object':
        out.push(42, 'str', [], {});
        break;
    }
  }
  return out;
}
