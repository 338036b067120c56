// A season's squads come from one call per team: a bad row in one team's squad leaves that team
// out (its stored squad stays) and is rejected on its own; every other team's squad lands.
import { describe, expect, it } from 'vitest';
import type { SquadList } from '@insightxi/contracts';
import { Fetcher } from '../src/fetcher.ts';
import type { SportMonksClient, UpstreamAnswer, UpstreamRequest } from '../src/upstream/client.ts';

const SEASON = 23690;
const row = (id: number, teamId: number, playerId: number) => ({ id, player_id: playerId, team_id: teamId, position_id: 26, detailed_position_id: null, jersey_number: playerId % 99 });

function stubClient(squads: Record<number, unknown[]>): SportMonksClient {
  const get = (req: UpstreamRequest): Promise<UpstreamAnswer> => {
    const team = Number(/teams\/(\d+)$/.exec(req.path)?.[1]);
    return Promise.resolve({
      envelope: { records: squads[team] ?? [], pagination: null, rateLimit: { entity: 'PlayerStatistic', remaining: 10, resetsInSeconds: 100 }, noResult: false },
      entity: 'PlayerStatistic',
      calls: 1,
      waitedMs: 0,
    });
  };
  return { get } as unknown as SportMonksClient;
}

describe('a season\'s squads', () => {
  it('land for every team but the one whose squad has a bad row, which is rejected with its team', async () => {
    const broken = { ...row(3, 62, 30), player_id: 'thirty' };
    const client = stubClient({ 53: [row(1, 53, 10), row(2, 53, 11)], 62: [row(4, 62, 31), broken], 85: [row(5, 85, 40), { ...row(6, 85, 40) }], 86: [] });
    const page = await new Fetcher(client).page('squads', { seasons: String(SEASON), teams: '53,62,85,86' });
    const lists: SquadList[] = page.data;
    expect(lists.map((l) => [l.id, l.teams, l.members.map((m) => `${m.teamId}/${m.playerId}`)])).toEqual([[SEASON, [53, 86], ['53/10', '53/11']]]);
    expect(page.rejected.map((r) => [r.entity, r.sourceId, r.reason.replace(/: \/.*/, ''), r.payload])).toEqual([
      ['squads', SEASON, 'squad of team 62: row 1: not a SportMonks squad row', { id: SEASON, squads: [{ team_id: 62, rows: [broken] }] }],
      ['squads', SEASON, 'squad of team 85: row 1: player 40 is listed twice', { id: SEASON, squads: [{ team_id: 85, rows: [row(6, 85, 40)] }] }],
    ]);
    expect(page.upstream.calls).toBe(4);
    expect(page.next).toBeNull();
  });

  it('are rejected as read when no team\'s squad can be taken', async () => {
    const client = stubClient({ 53: [{ ...row(1, 53, 10), id: 'one' }] });
    const page = await new Fetcher(client).page('squads', { seasons: String(SEASON), teams: '53' });
    expect(page.data).toEqual([]);
    expect(page.rejected.map((r) => [r.sourceId, r.reason.replace(/: \/.*/, ''), r.payload])).toEqual([
      [SEASON, 'squad of team 53: row 0: not a SportMonks squad row', { id: SEASON, squads: [{ team_id: 53, rows: [{ ...row(1, 53, 10), id: 'one' }] }] }],
    ]);
  });
});
