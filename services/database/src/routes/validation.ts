// Request validation for this service's routes with TypeBox instead of Fastify's ajv. Fastify's
// ajv coerces types, and in a nullable field (anyOf [T, null]) coercion corrupts data: a null
// becomes '' or 0, or a 0 becomes null, depending on the branch order. Bodies are therefore
// checked as sent; query strings and path params (always strings) are converted first.
import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';

type Validator = ((data: unknown) => boolean | { value: unknown }) & { errors?: FastifySchemaValidationError[] | null };

const compile: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const checker = TypeCompiler.Compile(schema);
  const convert = httpPart !== 'body';
  const validate: Validator = (data) => {
    const value = convert ? Value.Convert(schema, data) : data;
    if (checker.Check(value)) return { value };
    validate.errors = [...checker.Errors(value)].slice(0, 20).map((error) => ({
      instancePath: error.path,
      keyword: 'type',
      message: error.message.charAt(0).toLowerCase() + error.message.slice(1),
      params: {},
      schemaPath: '',
    }));
    return false;
  };
  return validate;
};

export function validateWithTypeBox(app: FastifyInstance): void {
  app.setValidatorCompiler(compile);
}
