import { describe, expect, it } from 'vitest';
import { normalizePlayer, normalizeReferee, normalizeSquadList, normalizeTopscorerList, squadMember } from '../src/mapping/normalize.ts';
import { planJobs } from '../src/plan.ts';
import { scopeOf } from '../src/scope.ts';

// The player of SportMonks' 2025 fixture response (sportmonks-details.md §3.1), with a trailing space.
const eriksen = {
  id: 992, sport_id: 1, country_id: 320, nationality_id: 320, city_id: null, position_id: 26, detailed_position_id: 150, type_id: 26,
  common_name: 'C. Eriksen ', firstname: 'Christian', lastname: 'Dannemann Eriksen', name: 'Christian Dannemann Eriksen ',
  display_name: ' Christian Eriksen', image_path: 'https://cdn.sportmonks.com/images/soccer/players/0/992.png', height: 182, weight: 76,
  date_of_birth: '1992-02-14', gender: 'male',
};

describe('people from SportMonks', () => {
  it('trims the names of players and referees, and keeps what the tables need', () => {
    expect(normalizePlayer(eriksen)).toEqual({
      ok: true,
      record: {
        id: 992, sportId: 1, countryId: 320, cityId: null, commonName: 'C. Eriksen', firstname: 'Christian', lastname: 'Dannemann Eriksen',
        name: 'Christian Dannemann Eriksen', displayName: 'Christian Eriksen', imagePath: eriksen.image_path, height: 182, weight: 76,
        dateOfBirth: '1992-02-14', gender: 'male', nationalityId: 320, positionId: 26, detailedPositionId: 150,
      },
    });
    const referee = normalizeReferee({ id: 14, sport_id: 1, country_id: 462, common_name: 'A. Taylor', name: null, display_name: 'Anthony Taylor  ', date_of_birth: null });
    expect(referee).toMatchObject({ ok: true, record: { name: 'Anthony Taylor', displayName: 'Anthony Taylor', dateOfBirth: null, height: null } });
    expect(normalizePlayer({ id: 5, name: '  ' })).toMatchObject({ ok: false, reason: expect.stringContaining('/name') as unknown });
  });

  it('reads the jersey number under either spelling, the player nested, a season\'s squads as one list', () => {
    // The 2023 capture of /squads/teams/{id}: `yersey_number`, `active`.
    const old = { id: 7146, transfer_id: null, player_id: 992, team_id: 53, position_id: 26, detailed_position_id: null, active: true, yersey_number: 10, start: '2022-07-01', end: null };
    expect(squadMember(old)).toEqual({ ok: true, record: { sourceId: 7146, teamId: 53, playerId: 992, jerseyNumber: 10, positionId: 26, detailedPositionId: null } });
    const current = { ...old, yersey_number: undefined, jersey_number: 8, captain: false, player: eriksen };
    expect(squadMember(current)).toMatchObject({ ok: true, record: { jerseyNumber: 8, player: { id: 992, name: 'Christian Dannemann Eriksen' } } });
    expect(squadMember({ ...old, team_id: null })).toEqual({ ok: false, reason: 'squad row of player 992 without a team' });
    expect(squadMember({ ...current, player: { id: 992 } })).toMatchObject({ ok: false, reason: expect.stringMatching(/^player: /) as unknown });
    expect(squadMember({ ...current, player: { ...eriksen, id: 993 } })).toEqual({ ok: false, reason: 'the nested player 993 is not player 992' });
    expect(squadMember({ ...old, team_id: undefined }, 62)).toMatchObject({ ok: true, record: { teamId: 62 } });
    const squads = (...rows: unknown[][]) => ({ id: 23690, squads: rows.map((teamRows, i) => ({ team_id: [53, 62][i], rows: teamRows })) });
    expect(normalizeSquadList(squads([old], []), { seasonId: 23690 })).toMatchObject({ ok: true, record: { id: 23690, teams: [53, 62], members: [{ playerId: 992 }] } });
    // A team's bad row leaves that team out (its stored squad stays) and is rejected on its own; the other team lands.
    const bad = { ...old, id: 7147, player_id: 'x', team_id: 62 };
    expect(normalizeSquadList(squads([old], [{ ...old, team_id: 62 }, bad]), { seasonId: 23690 })).toEqual({
      ok: true,
      record: { id: 23690, teams: [53], members: [{ sourceId: 7146, teamId: 53, playerId: 992, jerseyNumber: 10, positionId: 26, detailedPositionId: null }] },
      left: [{ reason: expect.stringMatching(/^squad of team 62: row 1: not a SportMonks squad row/) as unknown, payload: { id: 23690, squads: [{ team_id: 62, rows: [bad] }] } }],
    });
    expect(normalizeSquadList(squads([old, old]), { seasonId: 23690 })).toEqual({ ok: false, reason: 'squad of team 53: row 1: player 992 is listed twice' });
  });

  it('makes one list of a season\'s rankings, rows with or without an id', () => {
    const rows = [
      // 2023: no id, team_id, points.
      { season_id: 19686, player_id: 992, type_id: 208, position: 1, total: null, points: 17, team_id: 85 },
      { id: 1_500_001, season_id: 19686, player_id: 37, type_id: 209, position: 1, total: 9, participant_id: 86, player: null },
    ];
    expect(normalizeTopscorerList({ id: 19686, rows }, { seasonId: 19686 })).toEqual({
      ok: true,
      record: {
        id: 19686,
        rows: [
          { sourceId: null, typeId: 208, position: 1, playerId: 992, teamId: 85, total: 17 },
          { sourceId: 1_500_001, typeId: 209, position: 1, playerId: 37, teamId: 86, total: 9 },
        ],
      },
    });
    expect(normalizeTopscorerList({ id: 19686, rows: [{ ...rows[1], participant_id: null }] }, { seasonId: 19686 })).toEqual({
      ok: false,
      reason: 'row 0: top scorer of player 37 without a team',
    });
  });

  it('plans one squad call per team and season, and the rankings of each season', () => {
    const squads = planJobs('squads', scopeOf('squads', { seasons: '2,1', teams: '53,62' }));
    expect(squads.map((j) => [j.shape, j.params.include, j.context, j.parts?.map((p) => p.path)])).toEqual([
      ['list', 'player', { seasonId: 1 }, ['/football/squads/seasons/1/teams/53', '/football/squads/seasons/1/teams/62']],
      ['list', 'player', { seasonId: 2 }, ['/football/squads/seasons/2/teams/53', '/football/squads/seasons/2/teams/62']],
    ]);
    expect(planJobs('players', scopeOf('players', { seasons: '1', teams: '53' }))[0]).toMatchObject({ path: '/football/squads/seasons/1/teams/53', shape: 'players' });
    expect(planJobs('players', scopeOf('players', { ids: '992,37' })).map((j) => j.path)).toEqual(['/football/players/37', '/football/players/992']);
    expect(planJobs('referees', scopeOf('referees', { seasons: '1' })).map((j) => j.path)).toEqual(['/football/referees/seasons/1']);
    expect(planJobs('topscorers', scopeOf('topscorers', { seasons: '1' }))[0]).toMatchObject({ path: '/football/topscorers/seasons/1', shape: 'list', params: { include: 'player', per_page: '50' } });
    expect(() => scopeOf('squads', { seasons: '1' })).toThrow(/squads need seasons and teams/);
    expect(() => scopeOf('topscorers', {})).toThrow(/topscorers need seasons/);
    expect(() => scopeOf('teams', { teams: '1' })).toThrow(/teams only apply/);
  });
});
