import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { DateOnly, Fixture, Id, SyncScope, UtcDateTime } from '../src/index.ts';

const fixture = {
  id: 19_000_001,
  sportId: 1,
  leagueId: 271,
  seasonId: 19686,
  stageId: 1,
  roundId: 1,
  groupId: null,
  aggregateId: null,
  stateId: 5,
  venueId: null,
  name: 'Home vs Away',
  startingAt: '2025-08-16T14:00:00.000Z',
  resultInfo: 'Home won after full-time.',
  leg: '1/1',
  length: 90,
  placeholder: false,
  homeTeamId: 1,
  awayTeamId: 2,
  homeGoals: 2,
  awayGoals: 1,
  homeGoalsHalfTime: 1,
  awayGoalsHalfTime: 0,
  deleted: false,
  scores: [],
};

describe('contracts', () => {
  it('accepts a placeholder fixture with unknown teams and no score', () => {
    expect(Value.Check(Fixture, { ...fixture, placeholder: true, homeTeamId: null, awayTeamId: null, homeGoals: null, awayGoals: null })).toBe(true);
  });

  it('rejects a fixture without a kick-off time and names the field', () => {
    const { startingAt: _omitted, ...withoutKickOff } = fixture;
    const errors = [...Value.Errors(Fixture, withoutKickOff)];
    expect(errors.map((e) => e.path)).toContain('/startingAt');
  });

  it('refuses unknown scope keys so a typo cannot widen a sync', () => {
    expect(Value.Check(SyncScope, { leagues: [271], seasson: [1] })).toBe(false);
  });
});

describe('bounds shared by every service', () => {
  it('takes a date only when it is on the calendar', () => {
    expect(['2024-02-29', '2025-12-31'].map((day) => Value.Check(DateOnly, day))).toEqual([true, true]);
    expect(['2024-02-30', '2023-02-29', '2024-13-45', '2024-00-10', '0000-00-00', '2024-1-1'].map((day) => Value.Check(DateOnly, day))).toEqual([false, false, false, false, false, false]);
  });

  it('takes a date-time only when its day is on the calendar', () => {
    expect(Value.Check(UtcDateTime, '2024-02-29T23:59:59.000Z')).toBe(true);
    expect(Value.Check(UtcDateTime, '2024-02-30T00:00:00.000Z')).toBe(false);
  });

  it('takes an id only when it fits a signed INT column', () => {
    expect([1, 2_147_483_647].map((id) => Value.Check(Id, id))).toEqual([true, true]);
    expect([0, 2_147_483_648, 1e20].map((id) => Value.Check(Id, id))).toEqual([false, false, false]);
  });
});
