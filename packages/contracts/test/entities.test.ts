import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { Fixture, SyncScope } from '../src/index.ts';

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
