// The people a fixture call with detail describes in its nested includes: each lineup row's
// `player` (lineups.player) and each referee assignment's `referee` (referees.referee). They ride
// to the writer with the page and land before the detail names them, so a player who is in no
// squad costs no call of his own (sportmonks-details.md §3).
import type { Player, Referee } from '@insightxi/contracts';
import { normalizePlayer, normalizeReferee } from './normalize.ts';

export interface NestedPeople {
  players: Player[];
  referees: Referee[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function nestedAt(fixture: unknown, list: string, key: string): unknown[] {
  if (!isObject(fixture)) return [];
  const rows = fixture[list];
  return Array.isArray(rows) ? rows.flatMap((row) => (isObject(row) && isObject(row[key]) ? [row[key]] : [])) : [];
}

/**
 * The players and referees nested in `fixtures`, once each (the first description wins). One
 * that does not fit our record is left out, not rejected: the detail row still names him, the
 * writer keeps a stub, and the run's by-id step fetches him and says what is wrong with him.
 */
export function readNestedPeople(fixtures: readonly unknown[]): NestedPeople {
  const players = new Map<number, Player>();
  const referees = new Map<number, Referee>();
  for (const fixture of fixtures) {
    for (const raw of nestedAt(fixture, 'lineups', 'player')) {
      const outcome = normalizePlayer(raw);
      if (outcome.ok && !players.has(outcome.record.id)) players.set(outcome.record.id, outcome.record);
    }
    for (const raw of nestedAt(fixture, 'referees', 'referee')) {
      const outcome = normalizeReferee(raw);
      if (outcome.ok && !referees.has(outcome.record.id)) referees.set(outcome.record.id, outcome.record);
    }
  }
  return { players: [...players.values()], referees: [...referees.values()] };
}
