// GET /metrics after a small walk: SportMonks calls by entity and status, and the budget left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@insightxi/sportmonks-sim';
import { testFetcher, walk, type TestFetcher } from './support/harness.ts';

let sim: Simulator;
let fetcher: TestFetcher;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, clock: { speed: 0 } });
  fetcher = await testFetcher(sim.url);
});

afterAll(async () => {
  await fetcher.app.close();
  await sim.close();
});

function value(text: string, name: string, labels: Record<string, string>): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? null : Number(line.split(' ').at(-1));
}

describe('GET /metrics', () => {
  it('counts the SportMonks calls of a walk and shows the budget left', async () => {
    const walked = await walk(fetcher.app, 'states');
    const text = (await fetcher.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(walked.calls).toBeGreaterThan(0);
    expect(value(text, 'sportmonks_upstream_calls_total', { entity: 'State', status: '200' })).toBe(walked.calls);
    const left = value(text, 'sportmonks_budget_remaining', { entity: 'State' });
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(3000);
  });
});
