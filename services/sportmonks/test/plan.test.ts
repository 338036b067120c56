import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../src/cursor.ts';
import { planJobs } from '../src/plan.ts';
import { scopeOf } from '../src/scope.ts';

describe('planning', () => {
  it('fetches a season from its schedule in one call, ids through multi in 50s, dates through between', () => {
    expect(planJobs('fixtures', scopeOf('fixtures', { seasons: '23690,19686' })).map((j) => j.path)).toEqual([
      '/football/schedules/seasons/19686',
      '/football/schedules/seasons/23690',
    ]);
    const ids = Array.from({ length: 120 }, (_, i) => String(1000 + i)).join(',');
    const multi = planJobs('fixtures', scopeOf('fixtures', { ids }));
    expect(multi).toHaveLength(3);
    expect(multi[0]?.path.split(',')).toHaveLength(50);
    expect(multi[0]?.params.include).toBe('participants;scores');
    const between = planJobs('fixtures', scopeOf('fixtures', { from: '2025-01-01', to: '2025-02-01', leagues: '501', deleted: true }));
    expect(between.map((j) => [j.path, j.params.filters])).toEqual([['/football/fixtures/between/2025-01-01/2025-02-01', 'fixtureLeagues:501;deleted']]);
    expect(between[0]?.context.deleted).toBe(true);
  });

  it('asks for reference data the cheapest way each scope allows', () => {
    const paths = (entity: Parameters<typeof planJobs>[0], query: Parameters<typeof scopeOf>[1]) => planJobs(entity, scopeOf(entity, query)).map((j) => j.path);
    expect(paths('leagues', { leagues: '501,271' })).toEqual(['/football/leagues/271', '/football/leagues/501']);
    expect(paths('leagues', {})).toEqual(['/football/leagues']);
    expect(paths('seasons', { seasons: '23690' })).toEqual(['/football/seasons/23690']);
    expect(planJobs('seasons', scopeOf('seasons', { leagues: '501' }))[0]?.params).toMatchObject({ filters: 'populate;seasonLeagues:501', per_page: '1000' });
    expect(paths('venues', { ids: '8909' })).toEqual(['/football/venues/8909']);
    expect(paths('venues', { seasons: '23690' })).toEqual(['/football/venues/seasons/23690']);
    expect(paths('venues', {})).toEqual(['/football/venues']);
    expect(paths('teams', {})).toEqual(['/football/teams']);
    expect(planJobs('standings', scopeOf('standings', { seasons: '23690' }))[0]).toMatchObject({ path: '/football/standings/seasons/23690', params: { include: 'details' } });
    expect(planJobs('fixtures', scopeOf('fixtures', { leagues: '501' }))[0]).toMatchObject({ path: '/football/fixtures', params: { filters: 'fixtureLeagues:501', per_page: '50' } });
    expect(planJobs('fixtures', scopeOf('fixtures', { updated: 'latest', leagues: '501' }))[0]).toMatchObject({ path: '/football/fixtures/latest', params: { filters: 'fixtureLeagues:501' } });
  });

  it('refuses scopes that make no sense', () => {
    expect(() => scopeOf('fixtures', { from: '2025-01-01' })).toThrow(/from and to/);
    expect(() => scopeOf('fixtures', { from: '2025-02-01', to: '2025-01-01' })).toThrow(/before/);
    expect(() => scopeOf('teams', { updated: 'latest' })).toThrow(/only apply to \/fixtures/);
    expect(() => scopeOf('standings', {})).toThrow(/seasons/);
  });
});

describe('cursor', () => {
  it('round-trips and refuses cursors of another entity or forged ones', () => {
    const text = encodeCursor({ entity: 'fixtures', scope: { seasons: [1] }, job: 1, upstreamCursor: 'abc', previousIds: [5, 6] });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    // One letter per field on the wire: cursors travel in every URL of a walk, and stored runs hold them.
    expect(JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))).toEqual({ v: 1, e: 'fixtures', q: { seasons: [1] }, j: 1, u: 'abc', t: [5, 6] });
    expect(decodeCursor(text, 'fixtures')).toEqual({ entity: 'fixtures', scope: { seasons: [1] }, job: 1, upstreamCursor: 'abc', page: undefined, previousIds: [5, 6] });
    expect(() => decodeCursor(text, 'teams')).toThrow(/belongs to \/fixtures/);
    expect(() => decodeCursor('not-a-cursor', 'fixtures')).toThrow(/not one this service issued/);
  });
});

describe('an id walk', () => {
  it('plans one job per chunk of ids, so a cursor can drop the chunks already fetched', () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(1 + i)).join(',');
    expect(planJobs('fixtures', scopeOf('fixtures', { ids }))).toHaveLength(3);
    expect(planJobs('teams', scopeOf('teams', { ids: '3,1,2' })).map((j) => j.path)).toEqual(['/football/teams/1', '/football/teams/2', '/football/teams/3']);
  });
});
