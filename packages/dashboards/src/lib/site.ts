// Where the dashboards package keeps its parts, found from this file (the same in a checkout and in
// the container's pruned install).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Framework's source root: pages (*.md), queries (data/*.json.sql), browser helpers (components/). */
export const SOURCE_DIR = join(PACKAGE_DIR, 'src');
export const DATA_DIR = join(SOURCE_DIR, 'data');
export const DEFAULT_OUTPUT = join(PACKAGE_DIR, 'dist');
/** Framework keeps loader outputs here and reuses them while the loader file is unchanged. */
export const LOADER_CACHE_DIR = join(SOURCE_DIR, '.observablehq', 'cache', 'data');
export const FRAMEWORK_BIN = join(PACKAGE_DIR, 'node_modules', '@observablehq', 'framework', 'dist', 'bin', 'observable.js');
