import { resolveSecrets, runMain, startService } from '@insightxi/service-kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

runMain(async () => {
  const env = await resolveSecrets(process.env, ['SPORTMONKS_API_TOKEN', 'INTERNAL_TOKEN']);
  const config = readConfig(env);
  const app = await buildApp(config);
  await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
});
