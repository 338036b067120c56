import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root (the folder holding pnpm-workspace.yaml), found from this file. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found above packages/deploy-checks');
    dir = parent;
  }
  return dir;
}

export function readRepoFile(path: string): string {
  return readFileSync(join(repoRoot(), path), 'utf8');
}

/** Repo-relative paths of the files under `dir` whose names end with `suffix`, skipping dot-folders. */
export function listFiles(dir: string, suffix: string): string[] {
  const root = repoRoot();
  const found: string[] = [];
  const walk = (absolute: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix)) found.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return found.sort();
}
