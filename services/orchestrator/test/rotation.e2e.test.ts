// Rotating a token while the stack runs: tasks started before the switch (sending the old token,
// accepting old and new) and after it (sending the new one, accepting new and old) work together,
// as .github/scripts/rotate-secret.sh arranges in AWS. Without the previous token, the same switch
// gives 401s: the reason the services accept two.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRunSummary } from '@insightxi/contracts';
import { repoRoot } from '@insightxi/mysql';
import { ServiceProcess, serviceNodeFlags, type ServiceName } from '@insightxi/stack';
import { startE2E, type E2E } from './support/e2e.ts';

const OLD = 'internal-token-before-rotation-0001';
const NEW = 'internal-token-after-rotation-00002';
const OPERATOR_OLD = 'operator-token-before-rotation-001';
const OPERATOR_NEW = 'operator-token-after-rotation-0002';

let e2e: E2E;
const replaced: ServiceProcess[] = [];

beforeAll(async () => {
  // Phase 1 everywhere: the next value is already accepted (as *_PREVIOUS), the old one still sent.
  e2e = await startE2E('rotation', {
    env: { INTERNAL_TOKEN: OLD, INTERNAL_TOKEN_PREVIOUS: NEW, OPERATOR_TOKEN: OPERATOR_OLD, OPERATOR_TOKEN_PREVIOUS: OPERATOR_NEW, LIVE_POLL_MS: '0' },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(replaced.map((service) => service.stop()));
  await e2e.close();
});

/** Restarts one service of the stack on its port with other tokens. */
async function restart(name: ServiceName, tokens: Record<string, string>): Promise<void> {
  const current = replaced.findLast((s) => s.name === name) ?? e2e.stack.services[name];
  await current.stop();
  const port = new URL(e2e.stack.url(name)).port;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PORT: port,
    LIVE_POLL_MS: '0',
    ...(name === 'orchestrator' ? { DATABASE_SERVICE_URL: e2e.stack.url('database'), SPORTMONKS_SERVICE_URL: e2e.stack.url('sportmonks') } : {}),
    ...(name === 'database' ? { DATABASE_URL: e2e.stack.databaseUrl } : {}),
    ...tokens,
  };
  const dir = join(repoRoot(), 'services', name);
  const service = new ServiceProcess({ name, cwd: dir, entry: 'src/server.ts', nodeFlags: serviceNodeFlags(dir), env, baseUrl: e2e.stack.url(name) });
  replaced.push(service);
  service.start();
  await service.waitReady();
}

async function syncStates(operatorToken: string): Promise<{ status: number; run: SyncRunSummary }> {
  const response = await fetch(`${e2e.stack.url('orchestrator')}/sync/states?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${operatorToken}` } });
  return { status: response.status, run: (await response.json()) as SyncRunSummary };
}

describe('token rotation', () => {
  it('phase 2 beside phase 1: the new orchestrator calls the old writer and fetcher, and accepts both operator tokens', async () => {
    await restart('orchestrator', { INTERNAL_TOKEN: NEW, INTERNAL_TOKEN_PREVIOUS: OLD, OPERATOR_TOKEN: OPERATOR_NEW, OPERATOR_TOKEN_PREVIOUS: OPERATOR_OLD });
    for (const token of [OPERATOR_OLD, OPERATOR_NEW]) {
      const { status, run } = await syncStates(token);
      expect(status, run.error?.message).toBe(200);
      expect(run.status).toBe('succeeded');
    }
    // And a phase-2 writer beside the phase-1 fetcher.
    await restart('database', { INTERNAL_TOKEN: NEW, INTERNAL_TOKEN_PREVIOUS: OLD });
    expect((await syncStates(OPERATOR_NEW)).run.status).toBe('succeeded');
  }, 180_000);

  it('a writer that does not accept the previous token answers the other generation with 401: no run can start', async () => {
    await restart('database', { INTERNAL_TOKEN: OLD });
    const response = await fetch(`${e2e.stack.url('orchestrator')}/sync/states?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_NEW}` } });
    expect(response.status).toBe(502);
    expect((await response.json()) as { message: string }).toMatchObject({ message: expect.stringMatching(/database POST \/sync-runs failed: 401 Invalid bearer token/) as unknown });
  }, 180_000);
});
