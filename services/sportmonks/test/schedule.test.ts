// Season schedules whose fixtures come without scores (SportMonks' docs are unsure they carry
// them): those fixtures are fetched again through multi instead of being stored scoreless.
import { describe, expect, it } from 'vitest';
import type { Fixture } from '@insightxi/contracts';
import { Fetcher } from '../src/fetcher.ts';
import type { SportMonksClient, UpstreamAnswer, UpstreamRequest } from '../src/upstream/client.ts';

const fixture = (id: number, withScores: boolean) => ({
  id,
  sport_id: 1,
  league_id: 501,
  season_id: 23690,
  stage_id: 1,
  round_id: 2,
  state_id: 5,
  venue_id: null,
  name: 'A vs B',
  starting_at: '2024-08-04 14:00:00',
  starting_at_timestamp: 1722780000,
  leg: '1/1',
  length: 90,
  placeholder: false,
  participants: [
    { id: 53, name: 'A', meta: { location: 'home' } },
    { id: 62, name: 'B', meta: { location: 'away' } },
  ],
  ...(withScores
    ? {
        scores: [
          { id: id * 10, fixture_id: id, type_id: 1525, participant_id: 53, score: { goals: 2, participant: 'home' }, description: 'CURRENT' },
          { id: id * 10 + 1, fixture_id: id, type_id: 1525, participant_id: 62, score: { goals: 1, participant: 'away' }, description: 'CURRENT' },
        ],
      }
    : {}),
});

function stubClient(answers: (req: UpstreamRequest) => unknown[]): { client: SportMonksClient; requests: UpstreamRequest[] } {
  const requests: UpstreamRequest[] = [];
  const client = {
    get: (req: UpstreamRequest): Promise<UpstreamAnswer> => {
      requests.push(req);
      return Promise.resolve({
        envelope: { records: answers(req), pagination: null, rateLimit: { entity: 'Fixture', remaining: 10, resetsInSeconds: 100 }, noResult: false },
        entity: 'Fixture',
        calls: 1,
        waitedMs: 0,
      });
    },
  };
  return { client: client as unknown as SportMonksClient, requests };
}

describe('season schedules', () => {
  it('re-fetch fixtures served without scores through multi, in the same page', async () => {
    const { client, requests } = stubClient((req) =>
      req.path.startsWith('/football/schedules/')
        ? [{ id: 1, rounds: [{ id: 2, fixtures: [fixture(101, true), fixture(102, false)] }] }]
        : [fixture(102, true)],
    );
    const page = await new Fetcher(client).page('fixtures', { seasons: '23690' });
    expect(requests.map((r) => [r.path, r.params?.include])).toEqual([
      ['/football/schedules/seasons/23690', undefined],
      ['/football/fixtures/multi/102', 'participants;scores'],
    ]);
    expect(page.upstream.calls).toBe(2);
    expect(page.data.map((f: Fixture) => [f.id, f.homeGoals, f.awayGoals])).toEqual([
      [101, 2, 1],
      [102, 2, 1],
    ]);
    expect(page.next).toBeNull();
  });

  it('reject a stage they cannot read, with its payload', async () => {
    const { client } = stubClient(() => [{ id: 'x', rounds: 'none' }]);
    const page = await new Fetcher(client).page('fixtures', { seasons: '23690' });
    expect(page.rejected).toEqual([{ entity: 'stages', sourceId: null, reason: expect.stringMatching(/not a SportMonks stage/) as string, payload: { id: 'x' } }]);
    expect(page.related).toBeUndefined();
  });

  it('carry the season structure they name: stages, rounds (numbered, ids from their stage), groups and ties', async () => {
    const stage = { id: 1, league_id: 501, season_id: 23690, type_id: 223, name: 'Regular Season', sort_order: 1, finished: false, is_current: true, starting_at: null, ending_at: null };
    const { client } = stubClient(() => [
      {
        ...stage,
        rounds: [
          { id: 3, stage_id: 1, name: '10', finished: false, is_current: false, starting_at: '2024-10-05', ending_at: '2024-10-06', fixtures: [] },
          { id: 2, stage_id: 1, name: '2', finished: true, is_current: false, starting_at: '2024-08-04', ending_at: '2024-08-05', fixtures: [fixture(101, true)] },
        ],
        groups: [{ id: 7, name: 'Championship Group' }],
        aggregates: [{ id: 9, name: 'A vs B', fixture_ids: [101, 102], result: '3-6', detail: 'After Full Time', winner_participant_id: 62 }],
        fixtures: [{ ...fixture(102, true), round_id: null, aggregate_id: 9, leg: '2/2' }],
      },
      { id: 4, league_id: 501, season_id: 23690, type_id: '224', name: 'Final', sort_order: null, finished: 0, is_current: 0 },
    ]);
    const page = await new Fetcher(client).page('fixtures', { seasons: '23690' });
    expect(page.data.map((f: Fixture) => [f.id, f.stageId, f.roundId, f.aggregateId])).toEqual([
      [101, 1, 2, null],
      [102, 1, null, 9],
    ]);
    expect(page.related?.stages?.map((s) => [s.id, s.typeId, s.sortOrder, s.startingAt])).toEqual([
      [1, 223, 1, null],
      [4, 224, null, null],
    ]);
    expect(page.related?.rounds).toEqual([
      { id: 3, leagueId: 501, seasonId: 23690, stageId: 1, name: '10', number: 10, finished: false, isCurrent: false, startingAt: '2024-10-05', endingAt: '2024-10-06' },
      { id: 2, leagueId: 501, seasonId: 23690, stageId: 1, name: '2', number: 2, finished: true, isCurrent: false, startingAt: '2024-08-04', endingAt: '2024-08-05' },
    ]);
    expect(page.related?.groups).toEqual([
      { id: 7, leagueId: 501, seasonId: 23690, stageId: 1, name: 'Championship Group', finished: false, isCurrent: false, startingAt: null, endingAt: null },
    ]);
    expect(page.related?.aggregates).toEqual([
      { id: 9, leagueId: 501, seasonId: 23690, stageId: 1, name: 'A vs B', result: '3-6', detail: 'After Full Time', winnerTeamId: 62 },
    ]);
  });

  it('answer a stages walk with the stages and carry their rounds, groups and ties along', async () => {
    const { client, requests } = stubClient(() => [
      { id: 1, league_id: 501, season_id: 23690, type_id: 223, name: 'Regular Season', finished: true, is_current: false, rounds: [{ id: 2, name: '1' }], groups: [], aggregates: [] },
    ]);
    const page = await new Fetcher(client).page('stages', { seasons: '23690' });
    expect(requests.map((r) => [r.path, r.params?.include])).toEqual([['/football/stages/seasons/23690', 'rounds;groups;aggregates']]);
    expect(page.data.map((s) => [s.id, s.name])).toEqual([[1, 'Regular Season']]);
    expect(page.related).toEqual({ rounds: [expect.objectContaining({ id: 2, stageId: 1, number: 1 })] });
  });
});
