#!/usr/bin/env tsx
// insightxi-build: what the Dockerfile runs to make the runtime trees.
//   insightxi-build <target…> --out <dir>   bundle each target into <dir>/<target> (all targets when none named)
//   insightxi-build --rds-ca <file>         write the RDS CA bundle
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@insightxi/mysql';
import { buildTarget } from './bundle.ts';
import { writeRdsCaBundle } from './rds-ca.ts';
import { isTargetName, TARGETS, type TargetName } from './targets.ts';

const USAGE = 'usage: insightxi-build [orchestrator|sportmonks|database|release …] --out <dir> | --rds-ca <file>';

/** Runs the command; returns the exit code. */
export async function runBuild(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, 'rds-ca': { type: 'string' } } });
  if (values['rds-ca'] !== undefined) {
    print(`${values['rds-ca']}: ${writeRdsCaBundle(resolve(values['rds-ca']))} RDS CA certificates`);
    return 0;
  }
  const unknown = positionals.filter((name) => !isTargetName(name));
  if (values.out === undefined || unknown.length > 0) {
    print(unknown.length > 0 ? `unknown target ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const targets = positionals.length > 0 ? positionals.filter(isTargetName) : (Object.keys(TARGETS) as TargetName[]);
  for (const target of targets) {
    const built = await buildTarget(target, join(resolve(values.out), target), repoRoot());
    print(`${target}: ${Object.keys(built.entries).join(', ')} + ${built.packages.length} packages, ${(built.bytes / 1e6).toFixed(1)} MB`);
  }
  return 0;
}

if (import.meta.main) {
  runBuild(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`insightxi-build: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
