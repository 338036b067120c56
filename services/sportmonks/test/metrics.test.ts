// GET /metrics after a small walk: SportMonks calls by entity and status, and the budget left.
import { describe, expect, it } from 'vitest';
import { simulatedFetcher, walk } from './support/harness.ts';

const stack = simulatedFetcher({ seed: 7, clock: { speed: 0 } });

function value(text: string, name: string, labels: Record<string, string>): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? null : Number(line.split(' ').at(-1));
}

describe('GET /metrics', () => {
  it('counts the SportMonks calls of a walk and shows the budget left', async () => {
    const walked = await walk(stack.fetcher().app, 'states');
    const text = (await stack.fetcher().app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(walked.calls).toBeGreaterThan(0);
    expect(value(text, 'sportmonks_upstream_calls_total', { entity: 'State', status: '200' })).toBe(walked.calls);
    const left = value(text, 'sportmonks_budget_remaining', { entity: 'State' });
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(3000);
  });
});
