// Observable Framework settings for the analysts' dashboards. Offline on purpose (see
// shared/docs/dashboards.md): no Google fonts (globalStylesheets), Plot/d3/Inputs/htl imported by
// name from node_modules in the pages, no DuckDB. Every src/data/*.json.sql runs at build time
// through src/lib/loader.ts as the analyst (ANALYST_DATABASE_URL).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, seasonPagePaths } from './src/lib/pages.ts';
import { seasonIds } from './src/lib/per-season.ts';
import type { QueryOutput } from './src/lib/query.ts';
import { LOADER_CACHE_DIR } from './src/lib/site.ts';

const loader = fileURLToPath(new URL('./src/lib/loader.ts', import.meta.url));
const builtAt = new Date().toISOString().slice(0, 16).replace('T', ' ');

/** The seasons the build's queries found (written before Framework starts); none in the preview, which builds pages on request. */
function builtSeasons(): number[] {
  try {
    return seasonIds(JSON.parse(readFileSync(join(LOADER_CACHE_DIR, 'seasons.json'), 'utf8')) as QueryOutput);
  } catch {
    return [];
  }
}

export default {
  root: 'src',
  title: 'InsightXI',
  // A per-season dashboard is a folder: its landing page (index.md) and a page per season.
  pages: PAGES.map((page) => ({ name: page.name, path: page.perSeason ? `/${page.path}/` : `/${page.path}` })),
  dynamicPaths: seasonPagePaths(builtSeasons()),
  pager: false,
  // No favicon request (a 404 in every page's console otherwise).
  head: '<link rel="icon" href="data:,">',
  globalStylesheets: [],
  style: 'style.css',
  // With tsx, like the services: Node's own type stripping stops at .ts files under node_modules,
  // which is where the container's pruned install keeps @insightxi/mysql.
  interpreters: { '.sql': [process.execPath, '--import', 'tsx', loader] },
  output: process.env.DASHBOARDS_OUTPUT ?? 'dist',
  footer: `Data as of ${builtAt} UTC, read with the analyst account. Every chart's SQL is in packages/dashboards/src/data.`,
};
