// What changes in a fixture's events after they were first served: a goal VAR cancels (the
// score shows it for two minutes, then it is gone again) and a card's minute corrected after the match.
import { MATCH } from '../generate.ts';
import type { FixtureRec } from '../model.ts';
import { unitHash } from '../random.ts';
import { MINUTE } from '../time.ts';

export interface CancelledGoal {
  minute: number;
  home: boolean;
  /** Offsets from kick-off: when the goal counts, and when VAR takes it back. */
  scoredAtMs: number;
  cancelledAtMs: number;
}

const RATE = 0.08;
const REVIEW_MINUTES = 2;

/** The fixture's goal cancelled by VAR, if it has one (decided by seed and fixture alone). */
export function cancelledGoal(seed: number, fixture: FixtureRec): CancelledGoal | null {
  if (fixture.erroneous || unitHash(seed, 'var', fixture.id) >= RATE) return null;
  const half = unitHash(seed, 'var-half', fixture.id) < 0.5;
  const minute = (half ? 10 : 50) + Math.floor(unitHash(seed, 'var-minute', fixture.id) * 30);
  // No real goal inside the review window, so every running score stays unambiguous.
  if (fixture.goals.some((g) => g.minute >= minute && g.minute <= minute + REVIEW_MINUTES + 1)) return null;
  const scoredAtMs = MATCH.goalAtMs(minute);
  return { minute, home: unitHash(seed, 'var-side', fixture.id) < 0.5, scoredAtMs, cancelledAtMs: scoredAtMs + REVIEW_MINUTES * MINUTE };
}

const CORRECTION_RATE = 0.1;
const CORRECTION_AFTER_END_MS = 20 * MINUTE;

/**
 * When, counted from kick-off, the fixture's data team corrects the minute of a yellow card
 * (one minute later) after the match: null for most fixtures.
 */
export function minuteCorrectionAtMs(seed: number, fixture: FixtureRec): number | null {
  if (fixture.erroneous || unitHash(seed, 'correction', fixture.id) >= CORRECTION_RATE) return null;
  return MATCH.endMs(fixture) + CORRECTION_AFTER_END_MS;
}
