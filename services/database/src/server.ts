import { runMain, startService } from '@insightxi/service-kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

runMain(async () => {
  const config = await readConfig();
  const app = await buildApp({ ...config, logger: { level: config.LOG_LEVEL, pretty: config.LOG_PRETTY } });
  await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
});
