// Writer calls, batches and the read-ahead weigh a record with its match detail (1 + a quarter per row) and a season list with its rows.
import { describe, expect, it } from 'vitest';
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

  it('without detail, cut by records', () => {
    const plain = Array.from({ length: 7 }, (_, i) => ({ id: i }));
    expect(writeChunks(plain, 3).map((chunk) => chunk.length)).toEqual([3, 3, 1]);
  });
});
