import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultOptions, Simulator } from '../src/index.ts';
import { call, page, start } from './helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ leagues: 2, seasonsPerLeague: 1 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setFaults({});
});

async function setFaults(faults: FaultOptions): Promise<number> {
  const response = await fetch(`${sim.url}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  await response.text();
  return response.status;
}

describe('faults', () => {
  it('are set at run time through POST /__sim/faults, which validates the body', async () => {
    expect(await setFaults({ errorRate: 2 })).toBe(400);
    expect(await setFaults({ errorRate: 1 })).toBe(200);
    const current = (await (await fetch(`${sim.url}/__sim/faults`)).json()) as FaultOptions;
    expect(current).toEqual({ errorRate: 1 });
  });

  it('answer 5xx at the error rate', async () => {
    await setFaults({ errorRate: 1 });
    const before = sim.stats().faults.error5xx;
    const statuses = await Promise.all([1, 2, 3, 4, 5, 6].map(async () => (await call(sim, '/v3/football/leagues')).status));
    expect(statuses.every((s) => s >= 500 && s <= 503)).toBe(true);
    expect(sim.stats().faults.error5xx - before).toBe(6);
  });

  it('decide by seed: two simulators with the same seed fail the same calls', async () => {
    const twin = await start({ leagues: 2, seasonsPerLeague: 1 });
    try {
      const faults = { errorRate: 0.4 };
      twin.setFaults(faults);
      sim.setFaults(faults);
      const run = async (s: Simulator): Promise<number[]> => {
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await call(s, '/v3/football/states')).status);
        return out;
      };
      const [a, b] = [await run(sim), await run(twin)];
      expect(a).not.toEqual(a.map(() => 200));
      expect(a.some((s) => s === 200)).toBe(true);
      // The simulators have seen different numbers of calls: compare the twin with a fresh start.
      const fresh = await start({ leagues: 2, seasonsPerLeague: 1, faults });
      try {
        expect(await run(fresh)).toEqual(b);
      } finally {
        await fresh.close();
      }
    } finally {
      await twin.close();
    }
  });

  it('delay answers by the latency distribution', async () => {
    await setFaults({ latency: { rate: 1, minMs: 150, maxMs: 200 } });
    const t0 = performance.now();
    expect((await call(sim, '/v3/football/states')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it('hang calls until the client gives up', async () => {
    await setFaults({ hangRate: 1, hangMs: 5_000 });
    await expect(fetch(`${sim.url}/v3/football/states`, { headers: { authorization: 'demo' }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(sim.stats().faults.hang).toBeGreaterThan(0);
  });

  it('drop connections without an answer', async () => {
    await setFaults({ dropRate: 1 });
    await expect(fetch(`${sim.url}/v3/football/states`, { headers: { authorization: 'demo' } })).rejects.toThrow();
  });

  it('cut JSON bodies short with a 200', async () => {
    await setFaults({ truncateRate: 1 });
    const answer = await call(sim, '/v3/football/fixtures');
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text) as unknown).toThrow();
  });

  it('break one record of a page (missing or wrongly typed field)', async () => {
    const clean = await page(sim, '/v3/football/fixtures?per_page=20');
    await setFaults({ malformedRate: 1 });
    const broken = await page(sim, '/v3/football/fixtures?per_page=20');
    const differing = (broken.data ?? []).filter((record, i) => JSON.stringify(record) !== JSON.stringify(clean.data?.[i]));
    expect(differing).toHaveLength(1);
    expect(sim.stats().faults.malformed).toBeGreaterThan(0);
  });

  it('answer bursts of 429 whatever the budget', async () => {
    await setFaults({ rateLimitBurst: { rate: 1, length: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(sim, '/v3/football/venues')).status);
    expect(statuses).toEqual([429, 429, 429]);
    sim.setFaults({});
    expect((await call(sim, '/v3/football/venues')).status).toBe(200);
    expect(sim.stats().faults.rateLimitBurst).toBeGreaterThan(0);
  });

  it('repeat the previous page\'s last record on later pages, so a walk sees duplicates but misses nothing', async () => {
    const truth = sim.dataset().fixtures.map((f) => f.id);
    await setFaults({ duplicateRate: 1 });
    const seen: unknown[] = [];
    let pages = 0;
    for (let n = 1; ; n++) {
      const p = await page(sim, `/v3/football/fixtures?per_page=50&page=${String(n)}`);
      pages++;
      seen.push(...(p.data ?? []).map((f) => f.id));
      if (!p.pagination?.has_more) break;
    }
    expect(seen.length).toBe(truth.length + pages - 1);
    expect([...new Set(seen)]).toEqual(truth);
  });
});
