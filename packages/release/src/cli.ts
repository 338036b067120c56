// The release task's command (bundled to dist/release.mjs in the release image): reads
// RELEASE_CONFIG and GIT_SHA, releases, and exits 0 only when the commit is deployed and its
// smoke test passed. Its lines are the task's log, which CD prints (.github/scripts/ecs-deploy.sh).
import { ECSClient } from '@aws-sdk/client-ecs';
import { realClock } from './clock.ts';
import { readReleaseInput } from './config.ts';
import { release } from './release.ts';

const MINUTE = 60_000;

export async function main(env: Record<string, string | undefined>, log: (line: string) => void = console.log): Promise<number> {
  const { config, sha } = readReleaseInput(env);
  // The region comes from the task's environment (AWS_REGION); AWS_ENDPOINT_URL_ECS points the
  // SDK elsewhere (the tests' stand-in).
  const ecs = new ECSClient({});
  const outcome = await release(ecs, {
    config,
    sha,
    polling: {
      // The deadlines add up (migrate, deploy, smoke, rollback: 70 min) to less than the state
      // machine's TimeoutSeconds (infra/modules/ecs/release.tf), so a release is never cut off mid-rollback.
      tasks: { clock: realClock, intervalMs: 6_000, timeoutMs: 15 * MINUTE },
      services: { clock: realClock, intervalMs: 15_000, timeoutMs: 20 * MINUTE },
    },
    log,
  });
  if (outcome.status === 'deployed') return 0;
  log(`::error::${outcome.reason}${outcome.status === 'rolled-back' ? (outcome.rollbackSettled ? '; the services are back on their previous revisions' : '; the rollback did not settle: look at the services now') : ''}`);
  return 1;
}

if (import.meta.main) {
  main(process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
