import { describe, expect, it } from 'vitest';
import { buildPath } from '@insightxi/http-client';

describe('buildPath', () => {
  it('encodes values, repeats array keys and leaves out absent values', () => {
    expect(buildPath('/fixtures', { from: '2025-08-01', to: '2025-08-31', leagueIds: [8, 564], page: 2, cursor: undefined, season: null, live: true })).toBe(
      '/fixtures?from=2025-08-01&to=2025-08-31&leagueIds=8&leagueIds=564&page=2&live=true',
    );
    expect(buildPath('/teams', { q: 'a&b=c d' })).toBe('/teams?q=a%26b%3Dc+d');
  });

  it('appends to a path that already has a query, and leaves a path without query alone', () => {
    expect(buildPath('/teams?sort=name', { page: 1 })).toBe('/teams?sort=name&page=1');
    expect(buildPath('/teams', {})).toBe('/teams');
    expect(buildPath('/teams', undefined)).toBe('/teams');
  });
});
