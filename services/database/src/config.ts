import { Type, type Static } from '@sinclair/typebox';
import { CommonConfig, loadConfig, resolveSecrets, type Env } from '@insightxi/service-kit';
import { resolveDatabaseUrl } from '@insightxi/mysql';

export const DatabaseServiceConfig = Type.Object({
  ...CommonConfig,
  PORT: Type.Integer({ default: 8001, minimum: 0, maximum: 65535, description: 'port to listen on' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^(mysql|mariadb)://', description: 'mysql://user:password@host:3306/insightxi (or DATABASE_URL_SECRET_ARN)' })),
  INTERNAL_TOKEN: Type.String({ minLength: 16, description: 'bearer token other services send (or INTERNAL_TOKEN_SECRET_ARN)' }),
  DATABASE_POOL_SIZE: Type.Integer({ default: 10, minimum: 1, maximum: 200, description: 'MySQL connections' }),
  BULK_CHUNK_SIZE: Type.Integer({ default: 1000, minimum: 1, maximum: 5000, description: 'records per transaction in bulk calls without a sync context' }),
});
export type DatabaseServiceConfig = Static<typeof DatabaseServiceConfig> & { DATABASE_URL: string };

/** Reads the environment (secrets from Secrets Manager where *_SECRET_ARN is set); without DATABASE_URL, the local MySQL. */
export async function readConfig(env: Env = process.env): Promise<DatabaseServiceConfig> {
  const resolved = await resolveSecrets(env, ['DATABASE_URL', 'INTERNAL_TOKEN']);
  const config = loadConfig(DatabaseServiceConfig, resolved);
  return { ...config, DATABASE_URL: config.DATABASE_URL ?? (await resolveDatabaseUrl(resolved)) };
}
