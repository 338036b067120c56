// The fetcher as a process: secrets, environment, listen.
import { resolveSecrets, runMain, startService } from '@insightxi/service-kit';
import { buildApp } from './app.ts';
import { readConfig, SECRETS } from './config.ts';

runMain(async () => {
  const config = readConfig(await resolveSecrets(process.env, SECRETS));
  const app = await buildApp(config);
  await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
});
