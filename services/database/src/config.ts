// The writer's environment: every setting once, with its default. Secrets may come as NAME or
// NAME_SECRET_ARN (server.ts reads SECRETS from Secrets Manager).
import { Type, type Static } from '@sinclair/typebox';
import { COMMON_SECRETS, CommonConfig, loadConfig, type Env } from '@insightxi/service-kit';

export const DatabaseServiceConfig = Type.Object({
  ...CommonConfig,
  PORT: Type.Integer({ default: 8001, minimum: 0, maximum: 65535, description: 'port to listen on' }),
  DATABASE_URL: Type.String({
    pattern: '^(mysql|mariadb)://',
    description: 'mysql://user:password@host:3306/insightxi (or DATABASE_URL_SECRET_ARN); unset, server.ts uses the local MySQL',
  }),
  DATABASE_POOL_SIZE: Type.Integer({ default: 10, minimum: 1, maximum: 200, description: 'MySQL connections' }),
  BULK_CHUNK_SIZE: Type.Integer({ default: 1000, minimum: 1, maximum: 5000, description: 'records per transaction in bulk calls without a sync context' }),
});
export type DatabaseServiceConfig = Static<typeof DatabaseServiceConfig>;

/** What server.ts reads from Secrets Manager when `NAME_SECRET_ARN` is set. */
export const SECRETS = [...COMMON_SECRETS, 'DATABASE_URL'];

export const readConfig = (env: Env = process.env): DatabaseServiceConfig => loadConfig(DatabaseServiceConfig, env);
