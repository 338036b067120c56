// The fields of stages, groups and aggregates as SportMonks serves them, from the fixtures as
// they stand: a stage is finished when all its fixtures are, current while it is being played,
// and has no dates until it is drawn.
import { decidedBy, tieDecided } from './knockout.ts';
import type { AggregateRec, FixtureRec, GroupRec, StageRec } from './model.ts';
import { resultOf } from './standings.ts';
import { FINAL } from './states.ts';
import { tieWinner } from './structure.ts';
import { formatDate } from './time.ts';

export const TIE_BREAKER_RULE_ID = 171;
const WEEK_WINDOW_MS = 3.5 * 86_400_000;

const live = (fixtures: FixtureRec[]): FixtureRec[] => fixtures.filter((f) => !f.deleted);

function over(fixtures: FixtureRec[]): boolean {
  const shown = live(fixtures);
  return shown.length > 0 && shown.every((f) => FINAL.has(f.stateId));
}

function dates(fixtures: FixtureRec[]): { starting_at: string | null; ending_at: string | null } {
  const times = live(fixtures).map((f) => f.kickoffMs);
  if (times.length === 0) return { starting_at: null, ending_at: null };
  return { starting_at: formatDate(Math.min(...times)), ending_at: formatDate(Math.max(...times)) };
}

export function gamesThisWeek(fixtures: FixtureRec[], nowMs: number): boolean {
  return fixtures.some((f) => !f.deleted && Math.abs(f.kickoffMs - nowMs) < WEEK_WINDOW_MS);
}

export function stageFinished(stage: StageRec): boolean {
  return over(stage.fixtures);
}

/** Stages being played: drawn, not over, and everything before them over; else the last one drawn. */
export function currentStages(stages: StageRec[]): Set<StageRec> {
  const drawn = stages.filter((s) => live(s.fixtures).length > 0);
  const running = drawn.filter((s) => !stageFinished(s) && s.after.every(stageFinished));
  if (running.length > 0) return new Set(running);
  const last = [...drawn].sort((a, b) => a.sortOrder - b.sortOrder).at(-1);
  return new Set(last ? [last] : []);
}

export function stageFields(stage: StageRec, isCurrent: boolean, nowMs: number): Record<string, unknown> {
  const season = stage.season;
  return {
    id: stage.id,
    sport_id: 1,
    league_id: season.league.id,
    season_id: season.id,
    type_id: stage.typeId,
    name: stage.name,
    sort_order: stage.sortOrder,
    finished: stageFinished(stage),
    is_current: isCurrent,
    ...dates(stage.fixtures),
    games_in_current_week: gamesThisWeek(stage.fixtures, nowMs),
    tie_breaker_rule_id: TIE_BREAKER_RULE_ID,
  };
}

export function groupFields(group: GroupRec, stageIsCurrent: boolean, nowMs: number): Record<string, unknown> {
  const stage = group.stage;
  const fixtures = stage.fixtures.filter((f) => f.group === group);
  const finished = over(fixtures);
  return {
    id: group.id,
    sport_id: 1,
    league_id: stage.season.league.id,
    season_id: stage.season.id,
    stage_id: stage.id,
    name: group.name,
    ...dates(fixtures),
    games_in_current_week: gamesThisWeek(fixtures, nowMs),
    is_current: stageIsCurrent && !finished,
    finished,
    pending: false,
  };
}

/** `name` and `result` put the first leg's home team first; both stay open until the tie is decided. */
export function aggregateFields(a: AggregateRec, teamName: (id: number) => string): Record<string, unknown> {
  const [first, second] = a.legs;
  const decided = tieDecided(a);
  const one = resultOf(first);
  const two = resultOf(second);
  return {
    id: a.id,
    league_id: a.stage.season.league.id,
    season_id: a.stage.season.id,
    stage_id: a.stage.id,
    name: `${teamName(first.homeId)} vs ${teamName(first.awayId)}`,
    fixture_ids: [first.id, second.id],
    result: decided ? `${String(one.home + two.away)}-${String(one.away + two.home)}` : null,
    detail: decided ? decidedBy(second).detail : null,
    winner_participant_id: decided ? tieWinner(a.legs, resultOf) : null,
  };
}
