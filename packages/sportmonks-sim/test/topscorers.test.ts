import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { GOAL, PENALTY, type DetailFixture } from './detail-helpers.ts';
import { page, start, walk } from './helpers.ts';

interface TopscorerJson {
  id?: number;
  season_id: number;
  player_id: number;
  type_id: number;
  position: number;
  total: number;
  participant_id?: number;
  team_id?: number;
  points?: null;
}

const TYPES = { goals: 208, assists: 209, yellow: 84, red: 83 };

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ leagues: 2 });
});
afterAll(async () => {
  await sim.close();
});

/** Top 25 per type from the finished fixtures' events, ties by player id. */
function fromEvents(fixtures: DetailFixture[]): Map<number, [number, number, number][]> {
  const totals = new Map<number, Map<number, [number, number]>>(Object.values(TYPES).map((t) => [t, new Map()]));
  const add = (typeId: number, playerId: number, teamId: number): void => {
    const row = totals.get(typeId)?.get(playerId) ?? [teamId, 0];
    row[1]++;
    totals.get(typeId)?.set(playerId, row);
  };
  for (const f of fixtures) {
    for (const e of f.events) {
      if (e.type_id === GOAL || e.type_id === PENALTY) add(TYPES.goals, e.player_id, e.participant_id);
      if (e.type_id === GOAL && e.related_player_id !== null) add(TYPES.assists, e.related_player_id, e.participant_id);
      if (e.type_id === 19) add(TYPES.yellow, e.player_id, e.participant_id);
      if (e.type_id === 20 || e.type_id === 21) add(TYPES.red, e.player_id, e.participant_id);
    }
  }
  const out = new Map<number, [number, number, number][]>();
  for (const [typeId, byPlayer] of totals) {
    const ranked = [...byPlayer].sort((a, b) => b[1][1] - a[1][1] || a[0] - b[0]).slice(0, 25);
    out.set(typeId, ranked.map(([player, [team, total]]) => [player, team, total]));
  }
  return out;
}

describe('topscorers/seasons/{id}', () => {
  it('equals what the events of the finished fixtures say, for every season, paged, charged to Topscorer', async () => {
    for (const season of sim.dataset().seasons) {
      const fixtures = (await walk(sim, `/v3/football/fixtures?per_page=50&filters=fixtureSeasons:${String(season.id)};fixtureStates:5&include=events`)) as unknown as DetailFixture[];
      const rows = (await walk(sim, `/v3/football/topscorers/seasons/${String(season.id)}?per_page=50`)) as unknown as TopscorerJson[];
      const expected = fromEvents(fixtures);
      for (const typeId of Object.values(TYPES)) {
        const served = rows.filter((r) => r.type_id === typeId).sort((a, b) => a.position - b.position);
        expect(served.map((r) => r.position)).toEqual(served.map((_, i) => i + 1));
        expect(served.map((r) => [r.player_id, r.participant_id ?? r.team_id, r.total]), `season ${String(season.id)} type ${String(typeId)}`).toEqual(expected.get(typeId));
      }
      expect(rows.filter((r) => r.type_id === TYPES.goals).length).toBe(25);
    }
    const first = await page(sim, `/v3/football/topscorers/seasons/${String(sim.dataset().seasons[0]?.id)}`);
    expect(first.rate_limit.requested_entity).toBe('Topscorer');
    expect(first.pagination?.per_page).toBe(25);
    expect(first.pagination?.has_more).toBe(true);
  });

  it('serves the oldest season of each league in the 2023 shape: no id, team_id and points', async () => {
    for (const league of [271, 501]) {
      const [oldest, newer] = sim.dataset().seasons.filter((s) => s.league_id === league);
      const old = (await walk(sim, `/v3/football/topscorers/seasons/${String(oldest?.id)}`)) as unknown as TopscorerJson[];
      expect(old.every((r) => !('id' in r) && typeof r.team_id === 'number' && r.points === null && !('participant_id' in r))).toBe(true);
      const now = (await walk(sim, `/v3/football/topscorers/seasons/${String(newer?.id)}`)) as unknown as TopscorerJson[];
      expect(now.every((r) => typeof r.id === 'number' && typeof r.participant_id === 'number' && !('team_id' in r))).toBe(true);
      expect(new Set(now.map((r) => r.id)).size).toBe(now.length);
    }
  });

  it('filters one list with seasonTopscorerTypes and nests player and participant', async () => {
    const season = sim.dataset().seasons.find((s) => s.is_current);
    const rows = (await walk(sim, `/v3/football/topscorers/seasons/${String(season?.id)}?filters=seasonTopscorerTypes:209&include=player;participant`)) as unknown as (TopscorerJson & { player: { id: number }; participant: { id: number } })[];
    expect(rows.length).toBe(25);
    expect(rows.every((r) => r.type_id === 209 && r.player.id === r.player_id && r.participant.id === r.participant_id)).toBe(true);
  });
});
