// Who won a match and a tie, and how: knockout matches can go to extra time and penalties.
import type { AggregateRec, FixtureRec } from './model.ts';
import { FINAL_STANDING, STATE } from './states.ts';
import { resultOf } from './standings.ts';
import { tieWinner } from './structure.ts';

export interface Decided {
  stateId: number;
  /** The end of `result_info`: "won after full-time." and so on. */
  wonAfter: string;
  /** The aggregate's `detail`. */
  detail: string;
}

const FULL_TIME: Decided = { stateId: STATE.FT, wonAfter: 'won after full-time.', detail: 'After Full Time' };
const EXTRA_TIME: Decided = { stateId: STATE.AET, wonAfter: 'won after extra time.', detail: 'After Extra Time' };
const PENALTIES: Decided = { stateId: STATE.FT_PEN, wonAfter: 'won after penalties.', detail: 'After Penalties' };

export function decidedBy(f: FixtureRec): Decided {
  if (!f.decider) return FULL_TIME;
  return f.decider.penalties ? PENALTIES : EXTRA_TIME;
}

/**
 * The match's winner, null on a draw. A match that went to extra time was level on the day or
 * on aggregate: its winner is whoever went through.
 */
export function winnerOf(f: FixtureRec): number | null {
  if (f.decider && f.aggregate) return tieWinner(f.aggregate.legs, resultOf);
  const { home, away } = resultOf(f);
  if (home !== away) return home > away ? f.homeId : f.awayId;
  const pens = f.decider?.penalties;
  if (!pens) return null;
  return pens[0] > pens[1] ? f.homeId : f.awayId;
}

/** A tie is decided when both legs are over. */
export function tieDecided(a: AggregateRec): boolean {
  return a.legs.every((leg) => !leg.deleted && FINAL_STANDING.has(leg.stateId));
}
