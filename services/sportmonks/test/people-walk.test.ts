import { describe, expect, it } from 'vitest';
import type { Player, Referee, SquadList, TopscorerList } from '@insightxi/contracts';
import { squadMember } from '../src/mapping/normalize.ts';
import { simulatedFetcher, walk } from './support/harness.ts';

const { sim, fetcher } = simulatedFetcher({ seed: 7, leagues: 1, seasonsPerLeague: 2, clock: { start: '2026-03-01T12:00:00Z', speed: 0 } });

describe('people walked from the simulator', () => {
  it('reads a season\'s squads with their players, one call per team, into one list', async () => {
    const season = sim().dataset().seasons[0];
    const teams = sim().detail().squads.filter((s) => s.season_id === season?.id).map((s) => s.team_id).slice(0, 3);
    const result = await walk<SquadList>(fetcher().app, 'squads', { seasons: String(season?.id), teams: teams.join(',') });
    expect(result.calls).toBe(3);
    expect(result.rejected).toEqual([]);
    expect(result.data.map((list) => [list.id, list.teams])).toEqual([[season?.id, teams]]);
    const members = result.data[0]?.members ?? [];
    const expected = sim().detail().squads.filter((s) => s.season_id === season?.id && teams.includes(s.team_id)).flatMap((s) => s.rows.map((r) => `${String(s.team_id)}/${String(r.player_id)}`));
    expect(members.map((m) => `${m.teamId}/${m.playerId}`).sort()).toEqual(expected.sort());
    expect(members.every((m) => m.player?.id === m.playerId)).toBe(true);
  });

  it('maps the current squad endpoint\'s misspelt jersey field to the same numbers', async () => {
    const current = sim().dataset().seasons.find((s) => s.is_current === true);
    const team = sim().detail().squads.find((s) => s.season_id === current?.id);
    if (!current || !team) throw new Error('no current season');
    const response = await fetch(`${sim().url}/v3/football/squads/teams/${String(team.team_id)}?api_token=demo`);
    const rows = ((await response.json()) as { data: Record<string, unknown>[] }).data;
    expect(rows.every((r) => 'yersey_number' in r && !('jersey_number' in r))).toBe(true);
    const mapped = rows.map((r) => squadMember(r));
    const numbers = (list: { id: unknown; jersey: unknown }[]) => list.map((r) => `${String(r.id)}:${String(r.jersey)}`).sort();
    expect(numbers(mapped.map((m) => ({ id: m.ok ? m.record.sourceId : null, jersey: m.ok ? m.record.jerseyNumber : null })))).toEqual(
      numbers(team.rows.map((r) => ({ id: r.id, jersey: r.jersey_number }))),
    );
  });

  it('reads a season\'s rankings whole into one record, and referees and players by id', async () => {
    const season = sim().dataset().seasons[0];
    const lists = await walk<TopscorerList>(fetcher().app, 'topscorers', { seasons: String(season?.id) });
    const served = sim().detail().topscorers.find((t) => t.season_id === season?.id)?.rows ?? [];
    expect(lists.data).toHaveLength(1);
    expect(lists.data[0]?.rows).toHaveLength(served.length);
    expect(lists.calls).toBe(Math.ceil(served.length / 50));
    const referees = await walk<Referee>(fetcher().app, 'referees', { seasons: String(season?.id) });
    expect(referees.data.length).toBeGreaterThan(0);
    const players = await walk<Player>(fetcher().app, 'players', { ids: String(served[0]?.player_id) });
    expect(players.data.map((p) => p.id)).toEqual([served[0]?.player_id]);
  });

  it('keeps each ranking row once when SportMonks starts a page with the previous page\'s last record', async () => {
    const season = sim().dataset().seasons[0];
    const served = sim().detail().topscorers.find((t) => t.season_id === season?.id)?.rows ?? [];
    expect(served.length).toBeGreaterThan(50);
    sim().setFaults({ duplicateRate: 1 });
    try {
      const lists = await walk<TopscorerList>(fetcher().app, 'topscorers', { seasons: String(season?.id) });
      expect(sim().stats().faults.duplicate).toBeGreaterThan(0);
      const rows = lists.data[0]?.rows ?? [];
      expect(rows).toHaveLength(served.length);
      expect(new Set(rows.map((r) => `${String(r.typeId)}/${String(r.playerId)}/${String(r.teamId)}`)).size).toBe(served.length);
    } finally {
      sim().setFaults({});
    }
  });
});
