// The orchestrator as a process: secrets, environment, listen; then the stale-run sweep and the live poller.
import { resolveSecrets, runMain, startService } from '@insightxi/service-kit';
import { buildApp } from './app.ts';
import { readConfig, SECRETS } from './config.ts';

runMain(async () => {
  const config = readConfig(await resolveSecrets(process.env, SECRETS));
  const app = await buildApp(config);
  await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
  // Runs a dead process left `running` are resumed from their checkpoints.
  app.runs.startRecovery(config.RECOVERY_SWEEP_MS);
  if (config.LIVE_POLL_MS > 0) app.live.start();
});
