import type { App } from '@insightxi/service-kit';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';

export const TOKEN = 'test-internal-token-0123456789';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export function testApp(url: string, overrides: { chunkSize?: number } = {}): Promise<App> {
  const config = readConfig({ DATABASE_URL: url, INTERNAL_TOKEN: TOKEN, DATABASE_POOL_SIZE: '8', BULK_CHUNK_SIZE: String(overrides.chunkSize ?? 1000), LOG_LEVEL: 'silent' });
  // Test files share two busy cores: a slow event loop here is the machine, not the service.
  return buildApp(config, { underPressure: { maxEventLoopDelay: 0 } });
}
