// With the simulator misbehaving (5xx, hung answers, truncated JSON, broken records, repeated
// records across pages) a walk still returns every record: good ones in data, bad ones in rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Dataset, type Simulator } from '@insightxi/sportmonks-sim';
import type { Fixture, Standing } from '@insightxi/contracts';
import { NORMALIZERS } from '../src/mapping/normalize.ts';
import type { EntityName } from '../src/scope.ts';
import { getPage, testFetcher, walk, type TestFetcher } from './support/harness.ts';

let sim: Simulator;
let fetcher: TestFetcher;
let truth: Dataset;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, clock: { speed: 0 } });
  truth = sim.dataset();
  fetcher = await testFetcher(sim.url, { SPORTMONKS_HEADERS_TIMEOUT_MS: '400', SPORTMONKS_BODY_TIMEOUT_MS: '400' });
  sim.setFaults({ errorRate: 0.1, hangRate: 0.02, hangMs: 5_000, dropRate: 0.02, truncateRate: 0.05, malformedRate: 0.15, duplicateRate: 0.3 });
});

afterAll(async () => {
  await fetcher.app.close();
  await sim.close();
});

/** Every id exactly once across data and rejected; data equal to the truth. */
function expectComplete(entity: EntityName, walked: { data: { id: number }[]; rejected: { sourceId: number | null }[] }, records: Record<string, unknown>[]) {
  const dataIds = walked.data.map((r) => r.id);
  const rejectedIds = walked.rejected.map((r) => r.sourceId);
  expect(new Set(dataIds).size).toBe(dataIds.length);
  expect([...dataIds, ...rejectedIds].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(records.map((r) => r.id as number).sort((a, b) => a - b));
  const truthById = new Map(records.map((r) => [r.id as number, r]));
  for (const record of walked.data) {
    const expected = NORMALIZERS[entity](truthById.get(record.id));
    expect(expected.ok && expected.record).toEqual(record);
  }
  for (const bad of walked.rejected) {
    expect(bad.sourceId).not.toBeNull();
    expect(bad).toMatchObject({ entity, reason: expect.any(String) as string, payload: expect.anything() as unknown });
  }
}

describe('a walk through faults', () => {
  it('fixtures over date windows: all of them, broken ones rejected with a reason', async () => {
    const days = truth.fixtures.map((f) => (f.starting_at as string).slice(0, 10)).sort();
    const walked = await walk<Fixture>(fetcher.app, 'fixtures', { from: days[0] ?? '', to: days.at(-1) ?? '' });
    expectComplete('fixtures', walked, truth.fixtures);
    expect(walked.rejected.length).toBeGreaterThan(0);

    const faults = sim.stats().faults;
    expect(faults.error5xx).toBeGreaterThan(0);
    expect(faults.hang).toBeGreaterThan(0);
    expect(faults.truncate).toBeGreaterThan(0);
    expect(faults.duplicate).toBeGreaterThan(0);
    // Retries are paid for and visible.
    expect(walked.calls).toBeGreaterThan(walked.pages);
  });

  it('teams, venues and standings', async () => {
    expectComplete('teams', await walk(fetcher.app, 'teams'), truth.teams);
    expectComplete('venues', await walk(fetcher.app, 'venues'), truth.venues);
    expectComplete('standings', await walk<Standing>(fetcher.app, 'standings', { seasons: truth.seasons.map((s) => s.id as number).join(',') }), truth.standings);
  });

  it('gives up with 502 naming the problem when every answer is cut short', async () => {
    const impatient = await testFetcher(sim.url, { SPORTMONKS_RETRIES: '2' });
    sim.setFaults({ truncateRate: 1 });
    try {
      const { status, body } = await getPage(impatient.app, 'leagues', {});
      expect(status).toBe(502);
      expect(body.message).toMatch(/not valid JSON/);
      expect(impatient.logs.text()).toContain('SportMonks call failed');
    } finally {
      sim.setFaults({});
      await impatient.app.close();
    }
  });
});
