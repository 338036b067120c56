// What a release needs to know, given by Terraform as the release task's RELEASE_CONFIG (the same
// document as the SSM parameter /<name>/deploy) and the commit to ship as GIT_SHA.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Names = Type.Record(Type.String(), Type.String({ minLength: 1 }));
const Network = Type.Object({ subnets: Type.Array(Type.String(), { minItems: 1 }), securityGroups: Type.Array(Type.String(), { minItems: 1 }) });

export const ReleaseConfig = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  /** Service kind → ECS service name. */
  services: Names,
  /** Task kind → task definition family: the services', the one-shot and the scheduled tasks'. */
  families: Names,
  /** Task kind → repository URL of its image (without a tag). */
  images: Names,
  /** Where the one-shot tasks the release runs start. */
  tasks: Type.Object({ migrate: Network, smoke: Network }),
});
export type ReleaseConfig = Static<typeof ReleaseConfig>;

/** A full commit SHA: the images' tags are commit SHAs, immutable. */
const COMMIT = /^[0-9a-f]{40}$/;

export interface ReleaseInput {
  config: ReleaseConfig;
  sha: string;
}

/** Reads RELEASE_CONFIG and GIT_SHA; throws with every problem named (never a value but the SHA's shape). */
export function readReleaseInput(env: Record<string, string | undefined>): ReleaseInput {
  const problems: string[] = [];
  let config: unknown;
  try {
    config = JSON.parse(env.RELEASE_CONFIG ?? '');
  } catch {
    problems.push('RELEASE_CONFIG is not JSON');
  }
  if (config !== undefined && !Value.Check(ReleaseConfig, config)) {
    for (const error of Value.Errors(ReleaseConfig, config)) problems.push(`RELEASE_CONFIG${error.path.replaceAll('/', '.')}: ${error.message}`);
  }
  const sha = env.GIT_SHA ?? '';
  if (!COMMIT.test(sha)) problems.push('GIT_SHA must be a full 40-character commit SHA (image tags are commit SHAs)');
  if (Value.Check(ReleaseConfig, config)) {
    for (const kind of ['migrate', 'smoke', ...Object.keys(config.services)]) if (!(kind in config.families)) problems.push(`RELEASE_CONFIG.families has no ${kind}`);
    for (const kind of Object.keys(config.families)) if (!(kind in config.images)) problems.push(`RELEASE_CONFIG.images has no ${kind}`);
  }
  if (problems.length > 0) throw new Error(`cannot release:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { config: config as ReleaseConfig, sha };
}
