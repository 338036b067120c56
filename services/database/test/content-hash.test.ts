// A stored row's content hash is compared with the incoming record's on every sync: if the way a
// hash is computed changed between releases, every stored record would count as `updated` (and be
// rewritten) once after a deploy. These are the hashes of fixed records, pinned.
import { describe, expect, it } from 'vitest';
import { SPECS } from '../src/entities/index.ts';
import { contentHash } from '../src/bulk/apply.ts';
import { STATES, fixture, league, season, standing, team, venue } from './helpers.ts';

const records = {
  states: STATES.FT,
  leagues: league(8),
  seasons: season(23690, 8),
  venues: venue(7),
  teams: team(19, 'Arsenal', 7),
  fixtures: fixture({ id: 19_000_001, leagueId: 8, seasonId: 23690, home: 19, away: 20, goals: [2, 1], venueId: 7 }),
  standings: standing(5, 23690, 8, 19, 1, 89),
};

describe('content hashes', () => {
  it('stay what earlier releases stored, so an unchanged record reads unchanged after a deploy', () => {
    const hashes = Object.fromEntries(Object.entries(records).map(([entity, record]) => [entity, contentHash(SPECS[entity as keyof typeof SPECS] as never, record as never)]));
    expect(hashes).toEqual({
      states: '1aae8f2e73ca1d02d86dcfdd55048d5522dd8bc6',
      leagues: '516aa0b25c5f2131ee556ccf46d6ca148018cf72',
      seasons: 'fac8236e17f9f0beeb6d65a368c1d03c29444a99',
      venues: 'b9037d67442c7714d79779b416643903328bc45c',
      teams: '1f533085853f618084b8d2922de8870f244abc72',
      fixtures: '4342953cdf1f4b31f59bc238707c05b3d1c52702',
      standings: '386cf337a5faa43ad3ee2d8a12324de98d6e234a',
    });
  });
});
