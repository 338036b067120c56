// One release of a commit, run inside AWS by the release task (CD only starts it):
//   1. notes the revision each service runs (what a failure goes back to) and the latest revision
//      of every other family (scheduled and one-shot tasks run their family's latest);
//   2. registers the migration's revision with the commit's image and runs it: a failure stops
//      here, with nothing deployed;
//   3. registers every other family's revision with the commit's images and points the services
//      at theirs; waits until each runs its new revision to completion;
//   4. runs the smoke task (/health/ready of the three API services, then a tiny sync);
//   5. if 3 or 4 fails: puts every service back on its noted revision, registers the other
//      families' noted revisions again (so they are the latest), waits for the services.
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Polling } from './clock.ts';
import type { ReleaseConfig } from './config.ts';
import { runOneShot } from './one-shot.ts';
import { pointAt, runningRevisions, waitForRevisions } from './services.ts';
import { describeRevision, registerRevision, type Revision } from './task-definitions.ts';

export interface ReleaseOptions {
  config: ReleaseConfig;
  sha: string;
  /** How long to wait for one-shot tasks and for services, and how often to look. */
  polling: { tasks: Polling; services: Polling };
  log: (line: string) => void;
}

export type ReleaseOutcome =
  | { status: 'deployed' }
  | { status: 'not-deployed'; reason: string }
  | { status: 'rolled-back'; reason: string; rollbackSettled: boolean };

export async function release(ecs: ECSClient, options: ReleaseOptions): Promise<ReleaseOutcome> {
  const { config, sha, polling, log } = options;
  const image = (kind: string) => `${config.images[kind] ?? '?'}:${sha}`;
  const startedBy = `release-${sha.slice(0, 12)}`;
  const serviceKinds = Object.keys(config.services);
  const serviceName = (kind: string) => config.services[kind] ?? kind;
  const otherKinds = Object.keys(config.families).filter((kind) => kind !== 'migrate' && !serviceKinds.includes(kind));
  const family = (kind: string) => config.families[kind] ?? kind;

  const previous = await runningRevisions(ecs, config.cluster, serviceKinds.map(serviceName));
  for (const [service, revision] of previous) log(`running now: ${service} ${revision}`);
  const noted = new Map<string, Revision>();
  for (const kind of otherKinds) noted.set(kind, await describeRevision(ecs, family(kind)));

  log(`migrations: ${image('migrate')}`);
  const migrate = await registerRevision(ecs, await describeRevision(ecs, family('migrate')), { container: 'migrate', image: image('migrate') });
  const migrated = await runOneShot(ecs, polling.tasks, { cluster: config.cluster, kind: 'migrate', taskDefinition: migrate, network: config.tasks.migrate, startedBy }, log);
  if (!migrated.ok) return { status: 'not-deployed', reason: `the migrations failed (${migrated.reason}); nothing was deployed` };

  /** Steps 3 and 4: undefined when the commit runs and its smoke test passed, else what failed. */
  const deploy = async (): Promise<string | undefined> => {
    const deployed = new Map<string, string>();
    for (const kind of otherKinds) deployed.set(kind, await registerRevision(ecs, noted.get(kind) as Revision, { container: kind, image: image(kind) }));
    const services = new Map<string, string>();
    for (const kind of serviceKinds) {
      const arn = await registerRevision(ecs, await describeRevision(ecs, family(kind)), { container: kind, image: image(kind) });
      services.set(serviceName(kind), arn);
      log(`deploying ${serviceName(kind)} ${arn}`);
    }
    await pointAt(ecs, config.cluster, services);
    const settled = await waitForRevisions(ecs, polling.services, config.cluster, services);
    if (!settled.ok) return `${sha} did not become stable: ${settled.reasons.join('; ')}`;
    const smoke = await runOneShot(ecs, polling.tasks, { cluster: config.cluster, kind: 'smoke', taskDefinition: deployed.get('smoke') ?? '', network: config.tasks.smoke, startedBy }, log);
    return smoke.ok ? undefined : `the smoke test failed on ${sha} (${smoke.reason})`;
  };

  let failure: string | undefined;
  try {
    failure = await deploy();
  } catch (error) {
    // An API error half-way (some services already pointed at the new revisions) is a failure too.
    failure = `the release of ${sha} stopped on an error (${error instanceof Error ? error.message : String(error)})`;
  }
  if (failure === undefined) {
    log(`deployed ${sha}`);
    return { status: 'deployed' };
  }

  log(`${failure}; rolling back to the revisions that ran before`);
  await pointAt(ecs, config.cluster, previous);
  for (const kind of otherKinds) await registerRevision(ecs, noted.get(kind) as Revision);
  const back = await waitForRevisions(ecs, polling.services, config.cluster, previous);
  if (!back.ok) log(`the rollback did not settle either: ${back.reasons.join('; ')}`);
  return { status: 'rolled-back', reason: failure, rollbackSettled: back.ok };
}
