// The writer as a process: secrets, environment (without DATABASE_URL, the local MySQL), listen.
import { resolveDatabaseUrl } from '@insightxi/mysql';
import { resolveSecrets, runMain, startService } from '@insightxi/service-kit';
import { buildApp } from './app.ts';
import { readConfig, SECRETS } from './config.ts';

runMain(async () => {
  const env = await resolveSecrets(process.env, SECRETS);
  const config = readConfig({ ...env, DATABASE_URL: await resolveDatabaseUrl(env) });
  const app = await buildApp(config);
  await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
});
