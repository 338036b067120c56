import { resolveSecrets, runMain, startService } from '@insightxi/service-kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

runMain(async () => {
  const config = readConfig(await resolveSecrets(process.env, ['OPERATOR_TOKEN', 'INTERNAL_TOKEN', 'NOTIFY_WEBHOOK_URL']));
  const { app, runs, live } = await buildApp(config);
  await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
  // Runs a dead process left `running` are resumed from their checkpoints.
  runs.startRecovery(config.RECOVERY_SWEEP_MS);
  if (config.LIVE_POLL_MS > 0) live.start();
});
