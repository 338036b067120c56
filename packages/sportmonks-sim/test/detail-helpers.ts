// Shapes of the match-detail includes as the tests read them, and the rules they share.
export interface EventJson {
  id: number;
  fixture_id: number;
  period_id: number;
  participant_id: number;
  type_id: number;
  player_id: number;
  related_player_id: number | null;
  player_name: string;
  result: string | null;
  minute: number;
  extra_minute: number | null;
  sort_order: number;
}

export interface LineupJson {
  id: number;
  player_id: number;
  team_id: number;
  position_id: number;
  type_id: number;
  formation_field: string | null;
  formation_position: number | null;
  jersey_number: number;
  player_name: string;
  details?: { type_id: number; data: { value: number }; lineup_id: number; player_id: number }[];
}

export interface StatisticJson {
  id: number;
  type_id: number;
  participant_id: number;
  location: 'home' | 'away';
  data: { value: number };
}

export interface DetailFixture {
  id: number;
  season_id: number;
  state_id: number;
  participants: { id: number; meta: { location: 'home' | 'away' } }[];
  scores: { description: string; participant_id: number; score: { goals: number; participant: 'home' | 'away' } }[];
  events: EventJson[];
  lineups: LineupJson[];
  statistics: StatisticJson[];
  formations: { participant_id: number; formation: string; location: string }[];
  referees: { referee_id: number; type_id: number }[];
}

export const DETAIL_INCLUDE = 'participants;scores;events;lineups;statistics;formations;referees';

export const GOAL = 14;
export const OWNGOAL = 15;
export const PENALTY = 16;

export function side(f: DetailFixture, location: 'home' | 'away'): number {
  return f.participants.find((p) => p.meta.location === location)?.id ?? -1;
}

export function currentScore(f: DetailFixture): { home: number; away: number } {
  const current = f.scores.filter((s) => s.description === 'CURRENT');
  return {
    home: current.find((s) => s.score.participant === 'home')?.score.goals ?? 0,
    away: current.find((s) => s.score.participant === 'away')?.score.goals ?? 0,
  };
}

/** Goals per side as the events tell them: own goals count for the other side, shoot-out kicks not at all. */
export function scoreFromEvents(f: DetailFixture): { home: number; away: number } {
  const home = side(f, 'home');
  let h = 0;
  let a = 0;
  for (const e of f.events) {
    if (e.type_id !== GOAL && e.type_id !== PENALTY && e.type_id !== OWNGOAL) continue;
    const forHome = e.type_id === OWNGOAL ? e.participant_id !== home : e.participant_id === home;
    if (forHome) h++;
    else a++;
  }
  return { home: h, away: a };
}

/** Chronological order: period, minute, extra minute, id (shared/docs/sportmonks-details.md §9 #3). */
export function chronological(events: EventJson[]): EventJson[] {
  return [...events].sort((x, y) => x.period_id - y.period_id || x.minute - y.minute || (x.extra_minute ?? 0) - (y.extra_minute ?? 0) || x.id - y.id);
}
