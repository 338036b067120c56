import type { Fixture, FixtureScore } from '@insightxi/contracts';
import type { Fixture as Row, FixtureScore as ScoreRow } from '../generated/prisma/client.ts';
import type { Connection } from '../db.ts';
import { placeholders, type SqlValue } from '../sql.ts';
import { column, dateTime, fieldSpec, type EntitySpec, type Written } from './spec.ts';

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

const fixtureFields = fieldSpec<Fixture>({
  entity: 'fixtures',
  table: 'fixtures',
  fields: [
    ...['id', 'sportId', 'leagueId', 'seasonId', 'stageId', 'roundId', 'groupId', 'aggregateId', 'stateId', 'venueId', 'name'] as const,
    ['startingAt', dateTime],
    ...['resultInfo', 'leg', 'length', 'placeholder', 'homeTeamId', 'awayTeamId', 'homeGoals', 'awayGoals', 'homeGoalsHalfTime', 'awayGoalsHalfTime'] as const,
  ],
  derived: [
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
    { table: 'stages', label: 'stage', ids: (r) => [r.stageId] },
    { table: 'rounds', label: 'round', ids: (r) => [r.roundId] },
    { table: 'stage_groups', label: 'group', ids: (r) => [r.groupId] },
    { table: 'aggregates', label: 'aggregate', ids: (r) => [r.aggregateId] },
    { table: 'types', label: 'score type', ids: (r) => r.scores.map((s) => s.typeId) },
  ],
  check(r) {
    const foreign = r.scores.find((s) => s.fixtureId !== r.id);
    if (foreign) return `score ${foreign.id} belongs to fixture ${foreign.fixtureId}, not ${r.id}`;
    const ids = new Set(r.scores.map((s) => s.id));
    if (ids.size !== r.scores.length) return 'the same score id appears twice';
    return undefined;
  },
  writeChildren: writeScores,
});

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

export const fixtureSpec: EntitySpec<Fixture> = {
  ...fixtureFields,
  /** The row's fields, and what is not a column of it: the tombstone flag and the scores. */
  record: (row: FixtureRow) => ({ ...fixtureFields.record(row), deleted: row.deletedAt !== null, scores: row.scores.map(scoreRecord) }),
};
