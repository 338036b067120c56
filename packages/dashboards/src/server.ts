// The dashboards container: serves the site on PORT and rebuilds it from the analyst account on
// start and every DASHBOARDS_REBUILD_MINUTES.
import { runMain } from '@insightxi/service-kit';
import { readConfig } from './lib/config.ts';
import { serveDashboards } from './lib/serve.ts';

runMain(async () => {
  await serveDashboards(await readConfig());
});
