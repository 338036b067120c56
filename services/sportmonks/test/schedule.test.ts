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
    expect(page.rejected).toEqual([{ entity: 'fixtures', sourceId: null, reason: expect.stringMatching(/schedule stage/) as string, payload: { id: 'x', rounds: 'none' } }]);
  });
});
