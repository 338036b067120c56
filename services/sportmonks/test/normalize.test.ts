import { describe, expect, it } from 'vitest';
import {
  normalizeAggregate,
  normalizeCountry,
  normalizeFixture,
  normalizeLeague,
  normalizeRound,
  normalizeSeason,
  normalizeStage,
  normalizeStanding,
  normalizeState,
  normalizeTeam,
  normalizeType,
  normalizeVenue,
} from '../src/mapping/normalize.ts';

const participant = (id: number, location: 'home' | 'away', extra: Record<string, unknown> = {}) => ({
  id,
  sport_id: 1,
  country_id: 320,
  venue_id: 1708,
  gender: 'male',
  name: `Team ${id}`,
  placeholder: false,
  meta: { location, winner: null, position: null },
  ...extra,
});

const score = (id: number, description: string, typeId: number, participantId: number, side: 'home' | 'away', goals: number | string) => ({
  id,
  fixture_id: 18535517,
  type_id: typeId,
  participant_id: participantId,
  score: { goals, participant: side },
  description,
});

const fixture = (extra: Record<string, unknown> = {}) => ({
  id: 18535517,
  sport_id: 1,
  league_id: 501,
  season_id: 23690,
  stage_id: 77471288,
  group_id: null,
  aggregate_id: null,
  round_id: 339235,
  state_id: 5,
  venue_id: 8909,
  name: 'Celtic vs Rangers',
  starting_at: '2024-08-04 14:00:00',
  result_info: 'Celtic won after full-time.',
  leg: '1/1',
  details: null,
  length: 90,
  placeholder: false,
  has_odds: true,
  has_premium_odds: false,
  starting_at_timestamp: 1722780000,
  // Away first on purpose: home/away comes from meta.location.
  participants: [participant(62, 'away'), participant(53, 'home')],
  scores: [
    score(1, '2ND_HALF', 2, 53, 'home', 3),
    score(2, 'CURRENT', 1525, 62, 'away', 0),
    score(3, '1ST_HALF', 1, 53, 'home', 1),
    score(4, 'CURRENT', 1525, 53, 'home', '3'),
    score(5, '1ST_HALF', 1, 62, 'away', 0),
    score(6, '2ND_HALF', 2, 62, 'away', 0),
  ],
  ...extra,
});

describe('fixtures', () => {
  it('takes home/away from meta.location, current and half-time goals from the score descriptions', () => {
    const out = normalizeFixture(fixture());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.record).toMatchObject({
      id: 18535517,
      leagueId: 501,
      seasonId: 23690,
      homeTeamId: 53,
      awayTeamId: 62,
      homeGoals: 3,
      awayGoals: 0,
      homeGoalsHalfTime: 1,
      awayGoalsHalfTime: 0,
      startingAt: '2024-08-04T14:00:00.000Z',
      stateId: 5,
      deleted: false,
      placeholder: false,
    });
    expect(out.record.scores).toHaveLength(6);
    expect(out.record.scores.find((s) => s.id === 4)).toEqual({ id: 4, fixtureId: 18535517, teamId: 53, typeId: 1525, period: 'CURRENT', participant: 'home', goals: 3 });
  });

  it('reads starting_at as UTC when there is no timestamp, and prefers the timestamp when both are there', () => {
    const naive = normalizeFixture(fixture({ starting_at_timestamp: null, starting_at: '2025-01-02 19:45:00' }));
    expect(naive.ok && naive.record.startingAt).toBe('2025-01-02T19:45:00.000Z');
    const both = normalizeFixture(fixture({ starting_at_timestamp: 1735847100, starting_at: '2025-01-02 20:45:00' }));
    expect(both.ok && both.record.startingAt).toBe('2025-01-02T19:45:00.000Z');
  });

  it('has null goals before kick-off (scores [])', () => {
    const out = normalizeFixture(fixture({ state_id: 1, scores: [] }));
    expect(out.ok && [out.record.homeGoals, out.record.awayGoals, out.record.homeGoalsHalfTime]).toEqual([null, null, null]);
  });

  it('keeps placeholder participants out of the team ids', () => {
    const out = normalizeFixture(fixture({ placeholder: true, participants: [participant(900001, 'home', { placeholder: true }), participant(62, 'away')], scores: [] }));
    expect(out.ok && [out.record.placeholder, out.record.homeTeamId, out.record.awayTeamId]).toEqual([true, null, 62]);
  });

  it('marks state 20 as deleted', () => {
    const out = normalizeFixture(fixture({ state_id: 20 }));
    expect(out.ok && out.record.deleted).toBe(true);
  });

  it.each([
    ['no home participant', { participants: [participant(62, 'away')] }, /no home participant/],
    ['participants not served', { participants: undefined }, /participants missing/],
    ['meta as []', { participants: [{ ...participant(53, 'home'), meta: [] }, participant(62, 'away')] }, /no home participant/],
    ['no kick-off', { starting_at_timestamp: null, starting_at: null }, /kick-off/],
    ['garbled kick-off', { starting_at_timestamp: null, starting_at: 'soon' }, /kick-off/],
    ['league_id missing', { league_id: null }, /league_id/],
    ['negative goals', { scores: [score(9, 'CURRENT', 1525, 53, 'home', -1)] }, /goals -1/],
    ['score without side', { scores: [{ ...score(9, 'CURRENT', 1525, 53, 'home', 1), score: { goals: 1 } }] }, /bad score/],
    ['two home participants', { participants: [participant(53, 'home'), participant(62, 'home')] }, /two participants with meta.location "home"/],
    ['the same team both sides', { participants: [participant(53, 'home'), participant(53, 'away')] }, /team 53 is both home and away/],
    ['a participant without an id', { participants: [{ name: 'x', meta: { location: 'home' } }, participant(62, 'away')] }, /bad participant/],
  ])('rejects a fixture with %s, saying why', (_label, change, reason) => {
    const out = normalizeFixture(fixture(change));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(reason);
  });

  it('names a fixture without a name after its teams, or its id; fills what SportMonks leaves out', () => {
    const { fixture_id: _fixtureId, ...withoutFixtureId } = score(1, 'CURRENT', 1525, 53, 'home', 2);
    const named = normalizeFixture(fixture({ name: null, scores: [withoutFixtureId] }));
    expect(named.ok && named.record).toMatchObject({ name: 'Team 53 vs Team 62', homeGoals: 2, scores: [{ fixtureId: 18535517 }] });
    const unnamed = normalizeFixture(fixture({ name: '', placeholder: true, participants: [participant(62, 'away', { name: null })], scores: [] }));
    expect(unnamed.ok && unnamed.record.name).toBe('Fixture 18535517');
  });

  it('flags every record of a deleted-filter query as deleted', () => {
    const out = normalizeFixture(fixture({ state_id: 5 }), { deleted: true });
    expect(out.ok && out.record.deleted).toBe(true);
  });
});

describe('core and structure records', () => {
  it('reads types with or without stat_group (2023 payloads have none)', () => {
    expect(normalizeType({ id: 14, name: 'Goal', code: 'goal', developer_name: 'GOAL', model_type: 'event', stat_group: null })).toEqual({
      ok: true,
      record: { id: 14, name: 'Goal', code: 'goal', developerName: 'GOAL', modelType: 'event', statGroup: null },
    });
    expect(normalizeType({ id: 42, name: 'Shots Total', code: 'shots-total', developer_name: 'SHOTS_TOTAL', model_type: 'statistic' })).toMatchObject({ ok: true, record: { statGroup: null } });
    expect(normalizeType({ id: 1, code: 'x' })).toEqual({ ok: false, reason: expect.stringContaining('/name') as string });
  });

  it('reads countries with string coordinates', () => {
    const out = normalizeCountry({ id: 320, continent_id: 1, name: 'Denmark', official_name: 'Kingdom of Denmark', fifa_name: 'DEN', iso2: 'DK', iso3: 'DNK', latitude: '56.15', longitude: '10.21', borders: ['DEU'], image_path: 'dk.png' });
    expect(out.ok && out.record).toEqual({ id: 320, continentId: 1, name: 'Denmark', officialName: 'Kingdom of Denmark', fifaName: 'DEN', iso2: 'DK', iso3: 'DNK', latitude: 56.15, longitude: 10.21, imagePath: 'dk.png' });
  });

  it('keeps stage dates null until they are known, and numbers rounds named as strings', () => {
    const stage = normalizeStage({ id: 77457694, league_id: 271, season_id: 19686, type_id: 223, name: 'Championship Round', sort_order: 3, finished: false, is_current: false, starting_at: null, ending_at: null });
    expect(stage.ok && stage.record).toMatchObject({ typeId: 223, sortOrder: 3, startingAt: null, endingAt: null });
    const round = normalizeRound({ id: 274247, league_id: 271, season_id: 19686, stage_id: 77457696, name: '22', finished: true, is_current: false, starting_at: '2022-12-11', ending_at: '2022-12-12' });
    expect(round.ok && round.record).toMatchObject({ name: '22', number: 22 });
    expect(normalizeRound({ id: 5, league_id: 271, season_id: 19686, name: 'Final' })).toEqual({ ok: false, reason: expect.stringContaining('/stageId') as string });
  });

  it('reads an aggregate as SCH25 shows it: result first-leg home team first, the winner', () => {
    const out = normalizeAggregate({ id: 58589, league_id: 2, season_id: 23619, stage_id: 77471316, name: 'Manchester City vs Real Madrid', fixture_ids: [19380879, 19380880], result: '3-6', detail: 'After Full Time', winner_participant_id: 3468 });
    expect(out.ok && out.record).toEqual({ id: 58589, leagueId: 2, seasonId: 23619, stageId: 77471316, name: 'Manchester City vs Real Madrid', result: '3-6', detail: 'After Full Time', winnerTeamId: 3468 });
  });
});

describe('reference records', () => {
  it('reads venue coordinates sent as strings and nulls', () => {
    const out = normalizeVenue({ id: 8909, country_id: 1161, city_id: '82748', name: 'Celtic Park', address: 'Kerrydale Street', zipcode: null, latitude: '55.849711', longitude: '-4.205589', capacity: 60411, image_path: null, city_name: 'Glasgow', surface: 'grass', national_team: false });
    expect(out.ok && out.record).toMatchObject({ cityId: 82748, latitude: 55.849711, longitude: -4.205589, zipcode: null, capacity: 60411 });
  });

  it('rejects a team without a name and keeps the placeholder flag', () => {
    expect(normalizeTeam({ id: 53, sport_id: 1, name: '' }).ok).toBe(false);
    const placeholder = normalizeTeam({ id: 900001, sport_id: 1, country_id: null, venue_id: null, gender: 'male', name: 'Winner SF1', short_code: null, image_path: null, founded: null, type: 'domestic', placeholder: true, last_played_at: null });
    expect(placeholder.ok && placeholder.record.placeholder).toBe(true);
  });

  it('converts league and season datetimes to ISO UTC and dates to YYYY-MM-DD', () => {
    const league = normalizeLeague({ id: 501, sport_id: 1, country_id: 1161, name: 'Premiership', active: true, short_code: 'SCO P', image_path: 'x.png', type: 'league', sub_type: 'domestic', last_played_at: '2025-05-18 14:00:00', category: 2, has_jerseys: false });
    expect(league.ok && league.record.lastPlayedAt).toBe('2025-05-18T14:00:00.000Z');
    const season = normalizeSeason({ id: 23690, sport_id: 1, league_id: 501, tie_breaker_rule_id: 171, name: '2024/2025', finished: true, pending: false, is_current: false, starting_at: '2024-08-03', ending_at: '2025-05-18', standings_recalculated_at: '2025-05-18 16:52:01' });
    expect(season.ok && season.record).toMatchObject({ startingAt: '2024-08-03', endingAt: '2025-05-18', standingsRecalculatedAt: '2025-05-18T16:52:01.000Z' });
  });

  it('derives state flags from the id when SportMonks leaves them out', () => {
    const out = normalizeState({ id: 5, state: 'FT', name: 'Full Time', short_name: 'FT', developer_name: 'FT' });
    expect(out.ok && out.record).toMatchObject({ isFinalStandingState: true, isCompleted: true, isLive: false });
  });

  it('reads standing details by type developer name, else by type id', () => {
    const base = { id: 1, participant_id: 53, sport_id: 1, league_id: 501, season_id: 23690, stage_id: 1, group_id: null, round_id: 2, standing_rule_id: 3, position: 1, result: 'equal', points: 85 };
    const byName = normalizeStanding({ ...base, details: [{ type_id: 999, value: 38, type: { developer_name: 'OVERALL_MATCHES' } }, { type_id: 130, value: 27 }] });
    expect(byName.ok && byName.record).toMatchObject({ teamId: 53, played: 38, won: 27, drawn: null, points: 85 });
    expect(normalizeStanding({ ...base, position: 0 }).ok).toBe(false);
    const noDetails = normalizeStanding({ ...base, details: undefined });
    expect(noDetails.ok && noDetails.record).toMatchObject({ points: 85, played: null, goalsFor: null });
    const unknownType = normalizeStanding({ ...base, details: [{ type_id: 1, value: 5, type: { code: 'home-matches' } }, { type_id: 134, value: '12' }] });
    expect(unknownType.ok && unknownType.record).toMatchObject({ played: null, goalsAgainst: 12 });
    expect(normalizeStanding({ ...base, details: [{ value: 5 }, 'odd'] }).ok).toBe(false);
  });
});
