import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@insightxi/service-kit';
import { nextBuildDir, publishSite } from '../src/lib/publish.ts';
import { buildSiteServer } from '../src/lib/server.ts';

let dir: string;
let app: App;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dashboards-server-'));
  app = await buildSiteServer({ sitesDir: dir, logger: { level: 'silent' } });
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the site server', () => {
  it('is live but not ready before the first build, and serves nothing yet', async () => {
    expect((await app.inject('/health/live')).statusCode).toBe(200);
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', checks: { site: { ok: false } } });
    expect((await app.inject('/')).statusCode).toBe(404);
  });

  it('serves the published build: pages without .html, the index at /, a 404 for the rest', async () => {
    const output = nextBuildDir(dir);
    await mkdir(join(output, '_file'), { recursive: true });
    await writeFile(join(output, 'index.html'), '<h1>InsightXI dashboards</h1>');
    await writeFile(join(output, 'league-table.html'), '<h1>League table</h1>');
    await writeFile(join(output, '_file', 'a.json'), '{"rows":[]}');
    await publishSite(dir, output);

    expect((await app.inject('/health/ready')).statusCode).toBe(200);
    const home = await app.inject('/');
    expect([home.statusCode, home.headers['content-type'], home.body]).toEqual([200, 'text/html; charset=utf-8', '<h1>InsightXI dashboards</h1>']);
    expect((await app.inject('/league-table')).body).toBe('<h1>League table</h1>');
    const data = await app.inject('/_file/a.json');
    expect([data.statusCode, data.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
    expect(data.headers['x-request-id']).toBeDefined();
    expect((await app.inject('/nope')).statusCode).toBe(404);
    expect((await app.inject('/../../etc/passwd')).statusCode).toBe(404);
  });
});
