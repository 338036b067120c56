// A second leg level on aggregate plays on as the clock runs: extra time (state 6), then the
// final whistle after extra time (7) or a shoot-out (9) decided on penalties (8); the aggregate
// stays open until then and names the team that went through.
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { World } from '../src/world.ts';
import { call, start, START } from './helpers.ts';

type Row = Record<string, unknown>;
const MINUTE = 60_000;
// 271, 501 and their play-offs, the current season only: the play-offs' first ties are drawn in advance.
const SIZE = { leagues: 4, seasonsPerLeague: 1 };

/** The first seed whose current play-offs hold a second leg still to play that goes beyond 90 minutes. */
function seedWith(penalties: boolean): { seed: number; fixtureId: number; kickoffMs: number } {
  for (let seed = 1; seed < 100; seed++) {
    const world = new World({ seed, leagueCount: SIZE.leagues, seasonsPerLeague: SIZE.seasonsPerLeague, clock: { start: START, speed: 0 } });
    const leg = world.fixtures.find((f) => f.decider && (f.decider.penalties !== null) === penalties && f.kickoffMs > world.now());
    if (leg) return { seed, fixtureId: leg.id, kickoffMs: leg.kickoffMs };
  }
  throw new Error('no seed below 100 has such a tie');
}

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function fixtureAt(s: Simulator, id: number, atMs: number): Promise<Row> {
  s.advanceClock(atMs - s.now());
  const answer = await call(s, `/v3/football/fixtures/${id}?include=scores;participants;aggregate`);
  return answer.body.data as Row;
}

const score = (f: Row, description: string, location: string): number | undefined =>
  (f.scores as { description: string; score: { goals: number; participant: string } }[]).find((s) => s.description === description && s.score.participant === location)
    ?.score.goals;

describe('a second leg level on aggregate', () => {
  it('goes to extra time and ends after extra time with the aggregate decided', async () => {
    const { seed, fixtureId, kickoffMs } = seedWith(false);
    sim = await start({ seed, ...SIZE });
    const second = await fixtureAt(sim, fixtureId, kickoffMs + 100 * MINUTE);
    expect(second.state_id).toBe(22);
    expect(second.aggregate).toMatchObject({ result: null, winner_participant_id: null, detail: null });

    const extra = await fixtureAt(sim, fixtureId, kickoffMs + 111 * MINUTE);
    expect(extra.state_id).toBe(6);
    expect(score(extra, 'EXTRA_TIME', 'home')).toBe(score(extra, 'CURRENT', 'home'));

    const over = await fixtureAt(sim, fixtureId, kickoffMs + 146 * MINUTE);
    expect(over.state_id).toBe(7);
    expect(over.result_info).toMatch(/ won after extra time\.$/);
    const aggregate = over.aggregate as Row;
    expect(aggregate.detail).toBe('After Extra Time');
    const winner = (over.participants as { id: number; meta: { winner: boolean } }[]).find((p) => p.meta.winner);
    expect(aggregate.winner_participant_id).toBe(winner?.id);
    expect(score(over, 'PENALTY_SHOOTOUT', 'home')).toBeUndefined();
  });

  it('goes to a shoot-out after extra time and ends on penalties, the kicks apart from the score', async () => {
    const { seed, fixtureId, kickoffMs } = seedWith(true);
    sim = await start({ seed, ...SIZE });
    expect((await fixtureAt(sim, fixtureId, kickoffMs + 111 * MINUTE)).state_id).toBe(6);
    const shootOut = await fixtureAt(sim, fixtureId, kickoffMs + 150 * MINUTE);
    expect(shootOut.state_id).toBe(9);

    const over = await fixtureAt(sim, fixtureId, kickoffMs + 161 * MINUTE);
    expect(over.state_id).toBe(8);
    expect(over.result_info).toMatch(/ won after penalties\.$/);
    const home = score(over, 'PENALTY_SHOOTOUT', 'home') ?? 0;
    const away = score(over, 'PENALTY_SHOOTOUT', 'away') ?? 0;
    expect(home).not.toBe(away);
    const participants = over.participants as { id: number; meta: { location: string; winner: boolean } }[];
    const shootOutWinner = participants.find((p) => p.meta.location === (home > away ? 'home' : 'away'));
    expect(shootOutWinner?.meta.winner).toBe(true);
    expect(over.aggregate).toMatchObject({ detail: 'After Penalties', winner_participant_id: shootOutWinner?.id });
    const [a, b] = String((over.aggregate as Row).result).split('-').map(Number);
    expect(a).toBe(b);
  });
});
