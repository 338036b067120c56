// Match detail riding with the fixtures: a season's schedule completed through multi with the
// detail includes (ceil(fixtures / 50) more calls, the floor), read into FixtureDetail; an include
// the plan lacks (403, code 5002) dropped without failing, and said so on the page and /rate-limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '@insightxi/sportmonks-sim';
import type { Fixture, Player, RateLimitsResponse } from '@insightxi/contracts';
import { INTERNAL_TOKEN, testFetcher, walk, type TestFetcher, type Walk } from './support/harness.ts';

const TOKEN = 'detail-token';
const FT = 5;

let sim: Simulator;
let fetcher: TestFetcher;
let season: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, token: TOKEN, clock: { speed: 0 }, leagues: 2, seasonsPerLeague: 1 });
  fetcher = await testFetcher(sim.url, { SPORTMONKS_API_TOKEN: TOKEN, FETCH_LINEUP_DETAILS: 'true' });
  season = sim.dataset().seasons[0]?.id as number;
});
afterAll(async () => {
  await fetcher.app.close();
  await sim.close();
});

/** A fetcher on a simulator of its own (a plan or threshold of its own); its detail walk of the season and the includes it left out. */
async function walkOn(options: Partial<SimulatorOptions>): Promise<{ result: Walk<Fixture>; leftOut: string[] }> {
  const sim = await startSimulator({ port: 0, seed: 7, token: TOKEN, clock: { speed: 0 }, leagues: 2, seasonsPerLeague: 1, ...options });
  const other = await testFetcher(sim.url, { SPORTMONKS_API_TOKEN: TOKEN });
  try {
    const result = await walk<Fixture>(other.app, 'fixtures', { seasons: String(season), detail: true });
    const limits = await other.app.inject({ method: 'GET', url: '/rate-limits', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    return { result, leftOut: (limits.json<RateLimitsResponse>().unavailableIncludes ?? []).map((u) => u.include) };
  } finally {
    await other.app.close();
    await sim.close();
  }
}

/** Goals per side from the events: own goals count for the other side, shoot-out kicks not at all. */
function goalsFromEvents(f: Fixture): { home: number; away: number } {
  const score = { home: 0, away: 0 };
  for (const e of f.detail?.events ?? []) {
    if (![14, 15, 16].includes(e.typeId)) continue;
    const forHome = (e.teamId === f.homeTeamId) !== (e.typeId === 15);
    score[forHome ? 'home' : 'away'] += 1;
  }
  return score;
}

describe('fixtures with detail', () => {
  it('cost the schedule plus one multi call per 50 fixtures, and add up', async () => {
    const result = await walk<Fixture>(fetcher.app, 'fixtures', { seasons: String(season), detail: true });
    const fixtures = result.data;
    expect(result.rejected).toEqual([]);
    expect(result.calls).toBe(1 + Math.ceil(fixtures.length / 50));
    const finished = fixtures.filter((f) => f.stateId === FT);
    expect(finished.length).toBeGreaterThan(10);
    for (const f of finished) {
      expect(goalsFromEvents(f), `fixture ${f.id}`).toEqual({ home: f.homeGoals, away: f.awayGoals });
      const lineups = f.detail?.lineups ?? [];
      for (const team of [f.homeTeamId, f.awayTeamId]) {
        expect(lineups.filter((l) => l.teamId === team && l.typeId === 11), `starters of ${String(team)} in ${f.id}`).toHaveLength(11);
      }
      const possession = (f.detail?.statistics ?? []).filter((s) => s.typeId === 45).map((s) => s.value ?? 0);
      expect(possession.reduce((a, b) => a + b, 0)).toBe(100);
      expect(f.detail?.referees?.length).toBeGreaterThan(0);
      expect(f.detail?.formations).toHaveLength(2);
      expect(f.detail?.lineupDetails?.length).toBeGreaterThan(0);
    }
    const names = fixtures.flatMap((f) => (f.detail?.lineups ?? []).map((l) => l.playerName ?? ''));
    expect(names.filter((n) => n !== n.trim())).toEqual([]);
    // Not yet played: detail read, and empty.
    const upcoming = fixtures.find((f) => f.homeGoals === null);
    if (upcoming) expect(upcoming.detail?.events).toEqual([]);
  });

  it('bring the players their lineups name and the referees who officiated, as their own endpoints describe them', async () => {
    const result = await walk<Fixture>(fetcher.app, 'fixtures', { seasons: String(season), detail: true });
    const lineupPlayers = new Set(result.data.flatMap((f) => (f.detail?.lineups ?? []).map((l) => l.playerId)));
    const officials = new Set(result.data.flatMap((f) => (f.detail?.referees ?? []).map((r) => r.refereeId)));
    const players = result.related.players ?? [];
    const referees = result.related.referees ?? [];
    expect(new Set(players.map((p) => p.id))).toEqual(lineupPlayers);
    expect(new Set(referees.map((r) => r.id))).toEqual(officials);
    // The same record a by-id call gives, so the stored row does not flip between the two.
    const sample = players[0];
    if (sample === undefined) throw new Error('no lineup player');
    const byId = await walk<Player>(fetcher.app, 'players', { ids: String(sample.id) });
    expect(byId.data).toEqual([sample]);
  });

  it('leave the people out of live-lane calls: the poller\'s pages stay light', async () => {
    const result = await walk<Fixture>(fetcher.app, 'fixtures', { seasons: String(season), detail: true, priority: 'live' });
    expect(result.data.every((f) => (f.detail?.lineups?.length ?? 0) > 0 || f.homeGoals === null)).toBe(true);
    expect(result.related.players).toBeUndefined();
    expect(result.related.referees).toBeUndefined();
  });

  it('drop the nested people with their parent include when the plan lacks it', async () => {
    const { result, leftOut } = await walkOn({ deniedIncludes: ['lineups'] });
    expect(result.data.every((f) => f.detail?.lineups === undefined && Array.isArray(f.detail?.events))).toBe(true);
    expect(result.related.players).toBeUndefined();
    expect(result.related.referees?.length).toBeGreaterThan(0);
    expect(leftOut).toEqual(['lineups', 'lineups.player']);
  });

  it('shed the nested people when SportMonks finds the call too complex, and keep every kind', async () => {
    // 9 include nodes with the people, 7 without: the simulator's stand-in threshold sits between.
    const { result, leftOut } = await walkOn({ maxIncludes: 8 });
    // The schedule, the refused multi call, then the multi calls without the nested people.
    expect(result.calls).toBe(2 + Math.ceil(result.data.length / 50));
    expect(result.data.every((f) => (['lineups', 'referees', 'statistics'] as const).every((kind) => Array.isArray(f.detail?.[kind])))).toBe(true);
    expect(result.related.players).toBeUndefined();
    expect(leftOut).toEqual(['lineups.player', 'referees.referee']);
  });

  it('without detail asked for, carry none and cost only the schedule', async () => {
    const result = await walk<Fixture>(fetcher.app, 'fixtures', { seasons: String(season) });
    expect(result.calls).toBe(1);
    expect(result.data.every((f) => f.detail === undefined)).toBe(true);
  });

  it('drop an include the plan lacks, keep going, and say so', async () => {
    const limited = await startSimulator({ port: 0, seed: 7, token: TOKEN, clock: { speed: 0 }, leagues: 2, seasonsPerLeague: 1, deniedIncludes: ['statistics'] });
    const other = await testFetcher(limited.url, { SPORTMONKS_API_TOKEN: TOKEN });
    try {
      const first = await other.app.inject({ method: 'GET', url: `/fixtures?seasons=${season}&detail=true`, headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
      expect(first.statusCode).toBe(200);
      const page = first.json<{ data: Fixture[]; unavailableIncludes?: string[]; upstream: { calls: number } }>();
      expect(page.unavailableIncludes).toEqual(['statistics']);
      // The schedule, the refused multi call, then the multi calls without statistics.
      expect(page.upstream.calls).toBe(2 + Math.ceil(page.data.length / 50));
      expect(page.data.every((f) => f.detail !== undefined && f.detail.statistics === undefined && Array.isArray(f.detail.events))).toBe(true);

      const limits = await other.app.inject({ method: 'GET', url: '/rate-limits', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
      expect(limits.json<RateLimitsResponse>().unavailableIncludes).toEqual([{ include: 'statistics', since: expect.any(String) as string }]);
      expect(other.logs.lines().some((l) => l.msg === 'SportMonks refused a detail include (not in the plan, or the call too complex): left out' && l.include === 'statistics')).toBe(true);
    } finally {
      await other.app.close();
      await limited.close();
    }
  });
});
