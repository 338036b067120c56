// Observable Framework settings for the analysts' dashboards. Offline on purpose (see
// shared/docs/dashboards.md): no Google fonts (globalStylesheets), Plot/d3/Inputs/htl imported by
// name from node_modules in the pages, no DuckDB. Every src/data/*.json.sql runs at build time
// through src/lib/loader.ts as the analyst (ANALYST_DATABASE_URL).
import { fileURLToPath } from 'node:url';
import { PAGES } from './src/lib/pages.ts';

const loader = fileURLToPath(new URL('./src/lib/loader.ts', import.meta.url));
const builtAt = new Date().toISOString().slice(0, 16).replace('T', ' ');

export default {
  root: 'src',
  title: 'InsightXI',
  pages: PAGES.map((page) => ({ name: page.name, path: `/${page.path}` })),
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
