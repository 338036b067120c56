// The account the dashboards read with: ANALYST_DATABASE_URL (the read-only analyst, `make
// analyst-user`), else — locally, after `make demo` — the project database as packages/mysql finds it.
import { resolveDatabaseUrl } from '@insightxi/mysql';

export interface DashboardDatabase {
  url: string;
  /** False when falling back to the project's own account. */
  analyst: boolean;
}

export async function dashboardDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DashboardDatabase> {
  const analystUrl = env.ANALYST_DATABASE_URL ?? '';
  if (analystUrl !== '') return { url: analystUrl, analyst: true };
  return { url: await resolveDatabaseUrl(env), analyst: false };
}
