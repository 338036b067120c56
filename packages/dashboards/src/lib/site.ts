// Where the dashboards package keeps its parts, found from this file (the same in a checkout and in
// the container's pruned install).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Framework's source root: pages (*.md), queries (data/*.json.sql), browser helpers (components/). */
export const SOURCE_DIR = join(PACKAGE_DIR, 'src');
export const DATA_DIR = join(SOURCE_DIR, 'data');
export const DEFAULT_OUTPUT = join(PACKAGE_DIR, 'dist');
/** Framework's cache: bundled libraries (_node), npm versions (_npm), its client (_observablehq). */
export const FRAMEWORK_CACHE_DIR = join(SOURCE_DIR, '.observablehq', 'cache');
/** Loader outputs, reused by Framework while they are newer than their loader file. */
export const LOADER_CACHE_DIR = join(FRAMEWORK_CACHE_DIR, 'data');
export const FRAMEWORK_BIN = join(PACKAGE_DIR, 'node_modules', '@observablehq', 'framework', 'dist', 'bin', 'observable.js');

/**
 * The folder paths in messages are relative to: the repository in a checkout (so a message names
 * packages/dashboards/src/data/x.json.sql), the package itself in the container's pruned install.
 */
export function messageRoot(packageDir = PACKAGE_DIR): string {
  const repository = join(packageDir, '..', '..');
  return existsSync(join(repository, 'pnpm-workspace.yaml')) ? repository : packageDir;
}
