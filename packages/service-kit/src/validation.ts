// Request validation with TypeBox's compiler, the same schemas the contracts declare, instead of
// Fastify's ajv. ajv coerces types everywhere, and in a nullable body field (anyOf [T, null]) that
// corrupts data: a null becomes '' or 0, or a 0 becomes null, depending on the branch order.
// So bodies are checked as sent; query strings and path parameters, always strings on the wire,
// are converted first ('5' → 5, 'true' → true).
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';

type Validator = ((data: unknown) => boolean | { value: unknown }) & { errors?: FastifySchemaValidationError[] | null };

const CONVERTED_PARTS = new Set(['querystring', 'params']);
/** Enough to name every field of a bad request, bounded for a hostile one. */
const MAX_ERRORS = 20;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Fastify's `validatorCompiler`: one TypeBox check per route part. */
export const typeboxValidator: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const checker = TypeCompiler.Compile(schema);
  const convert = httpPart !== undefined && CONVERTED_PARTS.has(httpPart);
  const validate: Validator = (data) => {
    const value = convert ? Value.Convert(schema, data) : data;
    if (checker.Check(value)) return { value };
    validate.errors = [...checker.Errors(value)].slice(0, MAX_ERRORS).map((error) => ({
      instancePath: error.path,
      keyword: error.type === ValueErrorType.ObjectRequiredProperty ? 'required' : 'type',
      message: lowerFirst(error.message),
      params: {},
      schemaPath: '',
    }));
    return false;
  };
  return validate;
};
