import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@insightxi/mysql';

/** Loads the repo's `.env` (copied from `.env.example`) into process.env, if there is one. */
export function loadDotEnv(): void {
  const file = join(repoRoot(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
