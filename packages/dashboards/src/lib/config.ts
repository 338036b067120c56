// The dashboards container's settings, read like every service's (service-kit): one message naming
// every missing or malformed variable, secrets from Secrets Manager where NAME_SECRET_ARN is set.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { CommonConfig, loadConfig, resolveSecrets, type Env } from '@insightxi/service-kit';
import { dashboardDatabase } from './database-url.ts';
import { DEFAULT_HOURLY_CALL_BUDGET } from './query.ts';

export const DashboardsConfig = Type.Object({
  // Not INTERNAL_TOKEN: no service calls the dashboards; analysts reach them through the private door.
  HOST: CommonConfig.HOST,
  LOG_LEVEL: CommonConfig.LOG_LEVEL,
  LOG_PRETTY: CommonConfig.LOG_PRETTY,
  SHUTDOWN_DELAY_MS: CommonConfig.SHUTDOWN_DELAY_MS,
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535, description: 'port the site is served on' }),
  ANALYST_DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^(mysql|mariadb)://', description: 'the read-only analyst account, mysql://analyst:…@host:3306/insightxi (or ANALYST_DATABASE_URL_SECRET_ARN)' }),
  ),
  DASHBOARDS_REBUILD_MINUTES: Type.Number({ default: 15, exclusiveMinimum: 0, description: 'minutes between two builds of the site from the database' }),
  DASHBOARDS_HOURLY_CALL_BUDGET: Type.Integer({ default: DEFAULT_HOURLY_CALL_BUDGET, minimum: 1, description: 'SportMonks calls per entity and hour, drawn on the data-health page' }),
  DASHBOARDS_SITES_DIR: Type.String({ default: join(tmpdir(), 'insightxi-dashboards'), minLength: 1, description: 'where builds are written (writable)' }),
});
export type DashboardsConfig = Static<typeof DashboardsConfig> & { ANALYST_DATABASE_URL: string };

/** Without ANALYST_DATABASE_URL (locally), the project database as packages/mysql finds it. */
export async function readConfig(env: Env = process.env): Promise<DashboardsConfig> {
  const resolved = await resolveSecrets(env, ['ANALYST_DATABASE_URL']);
  const config = loadConfig(DashboardsConfig, resolved);
  return { ...config, ANALYST_DATABASE_URL: (await dashboardDatabase(resolved)).url };
}
