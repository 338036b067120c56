import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, start } from './helpers.ts';

const PATHS = [
  '/v3/football/fixtures?include=participants;scores;state&per_page=50&page=7',
  '/v3/football/teams?per_page=50',
  '/v3/football/fixtures/between/2026-09-01/2026-11-30?include=participants;scores&per_page=50',
];

let a: Simulator;
let b: Simulator;
let other: Simulator;
beforeAll(async () => {
  const size = { leagues: 3, seasonsPerLeague: 2 };
  [a, b, other] = await Promise.all([start(size), start(size), start({ ...size, seed: 7 })]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close(), other.close()]);
});

describe('determinism', () => {
  it('serves byte-identical pages from two simulators started with the same seed and clock', async () => {
    const seasonId = String(a.dataset().seasons.at(-1)?.id);
    for (const path of [...PATHS, `/v3/football/schedules/seasons/${seasonId}`, `/v3/football/standings/seasons/${seasonId}?include=details`]) {
      const [fromA, fromB] = await Promise.all([call(a, path), call(b, path)]);
      expect(fromA.status, path).toBe(200);
      // next_page URLs carry each simulator's own port.
      const same = fromA.text.replaceAll(a.url, '') === fromB.text.replaceAll(b.url, '');
      expect(same, path).toBe(true);
    }
    expect(JSON.stringify(a.dataset()) === JSON.stringify(b.dataset())).toBe(true);
  });

  it('generates a different world from another seed', async () => {
    const path = PATHS[0] ?? '';
    const [fromA, fromOther] = await Promise.all([call(a, path), call(other, path)]);
    expect(fromA.text.replaceAll(a.url, '') === fromOther.text.replaceAll(other.url, '')).toBe(false);
  });

  it('moves both worlds the same way when their clocks advance the same', () => {
    const movedA = a.advanceClock(26 * 3_600_000);
    const movedB = b.advanceClock(26 * 3_600_000);
    expect(movedA.fixtureIds.length).toBeGreaterThan(0);
    expect(movedA).toEqual(movedB);
  });
});
