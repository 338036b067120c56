// The Node options a service declares for itself in its package.json (`insightxi.nodeFlags`),
// e.g. heap limits: the stack starts it with them here, the Dockerfile's CMD in production
// (packages/deploy-checks asserts the two agree).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function serviceNodeFlags(serviceDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(serviceDir, 'package.json'), 'utf8')) as { insightxi?: { nodeFlags?: unknown } };
  const flags = pkg.insightxi?.nodeFlags ?? [];
  if (!Array.isArray(flags) || !flags.every((flag): flag is string => typeof flag === 'string' && flag.startsWith('--'))) {
    throw new Error(`${serviceDir}/package.json: insightxi.nodeFlags must be a list of --options`);
  }
  return flags;
}
