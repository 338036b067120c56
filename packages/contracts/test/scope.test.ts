import { describe, expect, it } from 'vitest';
import { chunks, dateRangeProblem, dateWindows, daysAround } from '../src/index.ts';

describe('date windows', () => {
  it('splits a date range into windows of at most 100 days that cover it exactly', () => {
    const windows = dateWindows('2024-01-01', '2024-12-31');
    expect(windows).toEqual([
      { from: '2024-01-01', to: '2024-04-09' },
      { from: '2024-04-10', to: '2024-07-18' },
      { from: '2024-07-19', to: '2024-10-26' },
      { from: '2024-10-27', to: '2024-12-31' },
    ]);
    for (const w of windows) expect((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000).toBeLessThan(100);
    expect(dateWindows('2024-05-05', '2024-05-05')).toEqual([{ from: '2024-05-05', to: '2024-05-05' }]);
  });

  it('names what is wrong with a from/to pair', () => {
    expect(dateRangeProblem(undefined, undefined)).toBeNull();
    expect(dateRangeProblem('2025-01-01', '2025-01-01')).toBeNull();
    expect(dateRangeProblem('2025-01-01', undefined)).toBe('from and to go together');
    expect(dateRangeProblem(undefined, '2025-01-01')).toBe('from and to go together');
    expect(dateRangeProblem('2025-02-01', '2025-01-01')).toBe('to is before from');
    expect(dateRangeProblem('2025-13-45', '2025-14-01')).toBe('from and to must be real dates (YYYY-MM-DD)');
  });

  it('spans the days around a day', () => {
    expect(daysAround('2025-03-01', 1)).toEqual({ from: '2025-02-28', to: '2025-03-02' });
    expect(daysAround('2025-03-01', 0)).toEqual({ from: '2025-03-01', to: '2025-03-01' });
  });
});

describe('chunks', () => {
  it('cuts a list into consecutive slices of at most the size', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 50)).toEqual([]);
  });
});
