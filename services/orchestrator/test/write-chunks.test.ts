// Writer calls, batches and the read-ahead weigh a record with what it carries: 1 + a quarter per
// match-detail row + one per row of a season's list (squad members, ranking rows).
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@insightxi/service-kit';
import { RunSettings } from '../src/config.ts';
import { recordWeight, writeChunks } from '../src/engine/batches.ts';

const fixture = (id: number, events: number) => ({ id, detail: { events: Array.from({ length: events }, (_, i) => ({ id: id * 100 + i })), lineups: [] } });

describe('record weights', () => {
  it('count detail rows a quarter each', () => {
    expect(recordWeight({ id: 1 })).toBe(1);
    expect(recordWeight(fixture(1, 80))).toBe(21);
    expect(recordWeight(fixture(1, 0))).toBe(1);
  });

  it("count a season list's rows one each: a season's squads go to the writer in several calls, not one", () => {
    const squads = (id: number, members: number) => ({ id, teams: [1], members: Array.from({ length: members }, (_, i) => ({ teamId: 1, playerId: i })) });
    expect(recordWeight(squads(1, 25))).toBe(26);
    expect(recordWeight({ id: 1, rows: [{ playerId: 1 }, { playerId: 2 }] })).toBe(3);
    expect(writeChunks([squads(1, 30), squads(2, 30), squads(3, 30)], 70).map((chunk) => chunk.map((r) => r.id))).toEqual([[1, 2], [3]]);
  });

  it('cut writer calls at the weight allowed, a record heavier than that alone, the same way every time', () => {
    const records = [fixture(1, 40), fixture(2, 40), fixture(3, 200), fixture(4, 20), { id: 5 }, fixture(6, 120)];
    const cut = () => writeChunks(records, 25).map((chunk) => chunk.map((r) => r.id));
    expect(cut()).toEqual([[1, 2], [3], [4, 5], [6]]);
    expect(cut()).toEqual(cut());
  });

  it('keep every writer call of a big sync\'s squads under the writer\'s body limit, at the largest chunk size allowed', () => {
    // A squad member as the fetcher sends it, its player nested (~500 bytes); 20 teams of 30 a season.
    const member = (season: number, team: number, player: number) => ({
      sourceId: season * 1000 + player, teamId: team, playerId: player, jerseyNumber: player % 99, positionId: 26, detailedPositionId: 150,
      player: {
        id: player, sportId: 1, countryId: 462, cityId: null, commonName: `P. Player${String(player)}`, firstname: 'Player', lastname: `Player${String(player)}`,
        name: `Player Player${String(player)}`, displayName: `Player Player${String(player)}`, imagePath: `https://cdn.sportmonks.com/images/soccer/players/${String(player)}.png`,
        height: 182, weight: 76, dateOfBirth: '1992-02-14', gender: 'male', nationalityId: 462, positionId: 26, detailedPositionId: 150,
      },
    });
    const seasons = Array.from({ length: 120 }, (_, s) => {
      const teams = Array.from({ length: 20 }, (_, t) => 1000 + t);
      return { id: 20_000 + s, teams, members: teams.flatMap((team) => Array.from({ length: 30 }, (_, p) => member(20_000 + s, team, team * 100 + p))) };
    });
    const largest = RunSettings.properties.BULK_CHUNK_SIZE.maximum ?? 0;
    const bodies = writeChunks(seasons, largest).map((chunk) => Buffer.byteLength(JSON.stringify({ records: chunk })));
    expect(bodies.length).toBeGreaterThan(1);
    expect(Math.max(...bodies)).toBeLessThan(DEFAULT_LIMITS.bodyLimit);
  });

  it('without detail, cut by records', () => {
    const plain = Array.from({ length: 7 }, (_, i) => ({ id: i }));
    expect(writeChunks(plain, 3).map((chunk) => chunk.length)).toEqual([3, 3, 1]);
  });
});
