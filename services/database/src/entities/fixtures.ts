import type { Fixture, FixtureScore } from '@insightxi/contracts';
import type { Fixture as Row, FixtureScore as ScoreRow } from '../generated/prisma/client.ts';
import type { Connection } from '../db.ts';
import { placeholders, type SqlValue } from '../sql.ts';
import { column, type EntitySpec, type Written } from './spec.ts';

const SCORE_COLUMNS = ['id', 'fixture_id', 'team_id', 'type_id', 'period', 'participant', 'goals', 'created_at', 'updated_at'];

function scoreValues(score: FixtureScore, now: Date): SqlValue[] {
  return [score.id, score.fixtureId, score.teamId, score.typeId, score.period, score.participant, score.goals, now, now];
}

/** A fixture's scores are replaced as a whole whenever the fixture is written: upserted by id, and
 * the scores the source no longer lists for a fixture we already had are removed. */
async function writeScores(connection: Connection, written: readonly Written<Fixture>[], now: Date): Promise<void> {
  const existed = written.filter((w) => w.existed).map((w) => w.record);
  if (existed.length > 0) {
    const kept = existed.flatMap((f) => f.scores.map((s) => s.id));
    await connection.query(
      `DELETE FROM fixture_scores WHERE fixture_id IN (${existed.map(() => '?').join(', ')})${kept.length > 0 ? ` AND id NOT IN (${kept.map(() => '?').join(', ')})` : ''}`,
      [...existed.map((f) => f.id), ...kept],
    );
  }
  const scores = written.flatMap((w) => w.record.scores);
  if (scores.length === 0) return;
  const row = placeholders(SCORE_COLUMNS.length);
  await connection.query(
    `INSERT INTO fixture_scores (${SCORE_COLUMNS.join(', ')}) VALUES ${scores.map(() => row).join(', ')}
     ON DUPLICATE KEY UPDATE fixture_id = VALUES(fixture_id), team_id = VALUES(team_id), type_id = VALUES(type_id),
       period = VALUES(period), participant = VALUES(participant), goals = VALUES(goals), updated_at = VALUES(updated_at)`,
    scores.flatMap((s) => scoreValues(s, now)),
  );
}

export const fixtureSpec: EntitySpec<Fixture> = {
  entity: 'fixtures',
  table: 'fixtures',
  columns: [
    column('id', (r) => r.id),
    column('sport_id', (r) => r.sportId),
    column('league_id', (r) => r.leagueId),
    column('season_id', (r) => r.seasonId),
    column('stage_id', (r) => r.stageId),
    column('round_id', (r) => r.roundId),
    column('group_id', (r) => r.groupId),
    column('aggregate_id', (r) => r.aggregateId),
    column('state_id', (r) => r.stateId),
    column('venue_id', (r) => r.venueId),
    column('name', (r) => r.name),
    column('starting_at', (r) => new Date(r.startingAt)),
    column('result_info', (r) => r.resultInfo),
    column('leg', (r) => r.leg),
    column('length', (r) => r.length),
    column('placeholder', (r) => r.placeholder),
    column('home_team_id', (r) => r.homeTeamId),
    column('away_team_id', (r) => r.awayTeamId),
    column('home_goals', (r) => r.homeGoals),
    column('away_goals', (r) => r.awayGoals),
    column('home_goals_half_time', (r) => r.homeGoalsHalfTime),
    column('away_goals_half_time', (r) => r.awayGoalsHalfTime),
    // A tombstone keeps the moment the source first reported the fixture deleted.
    column('deleted_at', (r, { now, existing }) => (r.deleted ? ((existing?.deleted_at as Date | null | undefined) ?? now) : null), { hashed: false }),
    column('last_synced_at', (_r, { now }) => now, { hashed: false }),
  ],
  existingColumns: ['deleted_at'],
  extraHashInput: (r) => [r.deleted, [...r.scores].sort((a, b) => a.id - b.id).map(scoreValuesForHash)],
  references: [
    { table: 'leagues', label: 'league', ids: (r) => [r.leagueId] },
    { table: 'seasons', label: 'season', ids: (r) => [r.seasonId] },
    { table: 'fixture_states', label: 'state', ids: (r) => [r.stateId] },
    { table: 'venues', label: 'venue', ids: (r) => [r.venueId] },
    { table: 'teams', label: 'team', ids: (r) => [r.homeTeamId, r.awayTeamId, ...r.scores.map((s) => s.teamId)] },
  ],
  check(r) {
    const foreign = r.scores.find((s) => s.fixtureId !== r.id);
    if (foreign) return `score ${foreign.id} belongs to fixture ${foreign.fixtureId}, not ${r.id}`;
    const ids = new Set(r.scores.map((s) => s.id));
    if (ids.size !== r.scores.length) return 'the same score id appears twice';
    return undefined;
  },
  writeChildren: writeScores,
};

function scoreValuesForHash(s: FixtureScore): unknown[] {
  return [s.id, s.teamId, s.typeId, s.period, s.participant, s.goals];
}

export type FixtureRow = Row & { scores: ScoreRow[] };

export function scoreRecord(row: ScoreRow): FixtureScore {
  return {
    id: row.id,
    fixtureId: row.fixtureId,
    teamId: row.teamId,
    typeId: row.typeId,
    period: row.period,
    participant: row.participant === 'away' ? 'away' : 'home',
    goals: row.goals,
  };
}

export function fixtureRecord(row: FixtureRow): Fixture {
  return {
    id: row.id,
    sportId: row.sportId,
    leagueId: row.leagueId,
    seasonId: row.seasonId,
    stageId: row.stageId,
    roundId: row.roundId,
    groupId: row.groupId,
    aggregateId: row.aggregateId,
    stateId: row.stateId,
    venueId: row.venueId,
    name: row.name,
    startingAt: row.startingAt.toISOString(),
    resultInfo: row.resultInfo,
    leg: row.leg,
    length: row.length,
    placeholder: row.placeholder,
    homeTeamId: row.homeTeamId,
    awayTeamId: row.awayTeamId,
    homeGoals: row.homeGoals,
    awayGoals: row.awayGoals,
    homeGoalsHalfTime: row.homeGoalsHalfTime,
    awayGoalsHalfTime: row.awayGoalsHalfTime,
    deleted: row.deletedAt !== null,
    scores: row.scores.map(scoreRecord),
  };
}
