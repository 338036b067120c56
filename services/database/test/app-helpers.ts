import type { App } from '@insightxi/service-kit';
import { buildApp } from '../src/app.ts';

export const TOKEN = 'test-internal-token-0123456789';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export function testApp(url: string, overrides: { chunkSize?: number } = {}): Promise<App> {
  return buildApp({
    DATABASE_URL: url,
    INTERNAL_TOKEN: TOKEN,
    DATABASE_POOL_SIZE: 8,
    BULK_CHUNK_SIZE: overrides.chunkSize ?? 1000,
    logger: { level: 'silent' },
    // Test files share two busy cores: a slow event loop here is the machine, not the service.
    underPressure: { maxEventLoopDelay: 0 },
  });
}
