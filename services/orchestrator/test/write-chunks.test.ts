// Writer calls are cut by records and by match-detail rows, the same way every time.
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../src/engine/batches.ts';

const fixture = (id: number, events: number) => ({ id, detail: { events: Array.from({ length: events }, (_, i) => ({ id: id * 100 + i })), lineups: [] } });

describe('writer calls', () => {
  it('hold at most the records and about the detail rows allowed; a fixture heavier than that goes alone', () => {
    const records = [fixture(1, 10), fixture(2, 10), fixture(3, 50), fixture(4, 5), { id: 5 }, fixture(6, 30)];
    const cut = writeChunks(records, 3, 25).map((chunk) => chunk.map((r) => r.id));
    expect(cut).toEqual([[1, 2], [3], [4, 5], [6]]);
    expect(writeChunks(records, 3, 25).map((chunk) => chunk.map((r) => r.id))).toEqual(cut);
  });

  it('without detail, only the record limit cuts', () => {
    const plain = Array.from({ length: 7 }, (_, i) => ({ id: i }));
    expect(writeChunks(plain, 3, 1).map((chunk) => chunk.length)).toEqual([3, 3, 1]);
  });
});
