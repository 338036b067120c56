// What each runtime image runs: its entry points, bundled to dist/<name>.mjs, the packages that
// must stay on disk beside the bundle, and the files it reads at run time.

export interface Target {
  /** The workspace folder the entry points are relative to. */
  dir: string;
  /** Output name (dist/<name>.mjs) → source file. */
  entries: Record<string, string>;
  /** Folders copied as they are, relative to `dir` (the migrations). */
  assets: string[];
}

/**
 * Packages that read their own files from disk next to their code, which a bundle would lose:
 * they are copied into node_modules with their dependencies instead (@fastify/swagger-ui serves
 * its static/ folder and reads it from __dirname).
 */
export const EXTERNAL_PACKAGES = ['@fastify/swagger-ui'];

export const TARGETS = {
  orchestrator: { dir: 'services/orchestrator', entries: { server: 'src/server.ts' }, assets: [] },
  sportmonks: { dir: 'services/sportmonks', entries: { server: 'src/server.ts' }, assets: [] },
  // The writer and, in the same image, the migration task's three commands and the retention job.
  database: {
    dir: 'services/database',
    entries: {
      server: 'src/server.ts',
      'insightxi-db': '../../packages/mysql/src/cli.ts',
      'service-user': 'scripts/service-user.ts',
      'analyst-user': 'scripts/analyst-user.ts',
      retention: 'scripts/retention.ts',
    },
    assets: ['prisma/migrations'],
  },
  // The release task CD starts in AWS (packages/release): the ECS SDK bundled in, nothing else.
  release: { dir: 'packages/release', entries: { release: 'src/cli.ts' }, assets: [] },
} satisfies Record<string, Target>;

export type TargetName = keyof typeof TARGETS;

export function isTargetName(name: string): name is TargetName {
  return Object.hasOwn(TARGETS, name);
}
