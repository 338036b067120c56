// What the code says, for the wiring checks to hold the configuration against: the routes every
// service serves (service-kit builds them), what each service's config requires, and the parts
// the images build a database URL from.
import type { TObject } from '@sinclair/typebox';
import { buildService } from '@insightxi/service-kit';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './repo.ts';

export interface CodeFacts {
  /** A GET route every service answers (health, metrics, docs). */
  serves(path: string): boolean;
  /** Each service's config variables: every one it reads, and those it cannot start without. */
  config: Record<string, { known: string[]; required: string[] }>;
  /** The variables docker/database-url.mjs builds DATABASE_URL from. */
  databaseUrlParts: string[];
  close(): Promise<void>;
}

export const SERVICE_CONFIG_FILES: Record<string, string> = {
  orchestrator: 'services/orchestrator/src/config.ts',
  sportmonks: 'services/sportmonks/src/config.ts',
  database: 'services/database/src/config.ts',
};

function isSchema(value: unknown): value is TObject {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'object' && 'properties' in value;
}

/** The config schema a service's config module exports: the TypeBox object with the service's PORT. */
async function configSchema(file: string): Promise<TObject> {
  const module = (await import(pathToFileURL(join(repoRoot(), file)).href)) as Record<string, unknown>;
  const schemas = Object.values(module).filter(isSchema).filter((schema) => 'PORT' in schema.properties);
  if (schemas.length !== 1) throw new Error(`${file} should export one config schema with PORT, found ${schemas.length}`);
  return schemas[0] as TObject;
}

export async function codeFacts(): Promise<CodeFacts> {
  const app = await buildService({ name: 'probe', logger: { level: 'silent' } });
  await app.ready();
  const config: CodeFacts['config'] = {};
  for (const [service, file] of Object.entries(SERVICE_CONFIG_FILES)) {
    const schema = await configSchema(file);
    const required = new Set(schema.required ?? []);
    const properties = schema.properties as Record<string, { default?: unknown }>;
    config[service] = {
      known: Object.keys(properties),
      required: Object.keys(properties).filter((name) => required.has(name) && properties[name]?.default === undefined),
    };
  }
  const { PARTS } = (await import(pathToFileURL(join(repoRoot(), 'docker/database-url.mjs')).href)) as { PARTS: string[] };
  return {
    serves: (path) => app.hasRoute({ method: 'GET', url: path }),
    config,
    databaseUrlParts: PARTS,
    close: () => app.close(),
  };
}
