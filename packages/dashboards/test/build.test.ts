import { describe, expect, it } from 'vitest';
import { failureSummary } from '../src/lib/build.ts';

describe('what a failed build says', () => {
  it('the failing queries\' own lines when Framework ran a query that failed', () => {
    const log = [
      'load /league-table in 12ms',
      'copy src/data/points-race.json → load /data/points-race.json → [missing] ',
      "packages/dashboards/src/data/points-race.json.sql: Unknown column 'round' in 'SELECT' (ER_BAD_FIELD_ERROR)",
      'error in 301ms: loader exited with code 1',
      'Unexpected error: loader exited with code 1',
    ].join('\n');
    expect(failureSummary(log)).toBe("packages/dashboards/src/data/points-race.json.sql: Unknown column 'round' in 'SELECT' (ER_BAD_FIELD_ERROR)");
  });

  it('else the last lines of Framework\'s log', () => {
    const log = ['a', 'b', '', 'c', 'd', 'e', 'f', 'Unexpected error: Not found: /team', ''].join('\n');
    expect(failureSummary(log)).toBe('c\nd\ne\nf\nUnexpected error: Not found: /team');
  });
});
