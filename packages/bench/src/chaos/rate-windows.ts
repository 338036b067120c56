// A 429 makes the fetcher pause that entity until SportMonks' hourly window resets, as it must.
// The fetcher runs on real time and the chaos simulator's clock is frozen, so every window would
// report an hour to go and one 429 burst would stall a run for an hour. Opening every entity's
// window and moving the simulated clock to a few seconds before it ends keeps the waits real but
// short: with the clock frozen there, each answer says the window resets in a few seconds.
import { request } from 'undici';
import type { Simulator } from '@insightxi/sportmonks-sim';

const HOUR_MS = 3_600_000;
const LEFT_MS = 3_000;

/** Opens the window of every entity a sync is charged for; returns those entities. */
export async function primeRateLimitWindows(sim: Simulator, token: string): Promise<Set<string>> {
  const dataset = sim.dataset();
  const fixture = dataset.fixtures[0];
  const season = String(fixture?.season_id);
  const league = String(fixture?.league_id);
  const team = String((fixture?.participants as { id: number }[] | undefined)?.[0]?.id);
  // One call per entity: the core dictionaries, then State, League, Season, Venue, Team, Fixture,
  // Standing, Stage (schedules), Round, LiveStanding, and the people: Player (an unknown id still
  // answers and is charged), PlayerStatistic (season squads), PlayerTeam, Referee, Topscorer.
  const paths = [
    '/v3/core/types',
    '/v3/core/countries',
    ...[
      '/states',
      '/leagues',
      '/seasons',
      '/venues',
      '/teams',
      '/fixtures',
      `/standings/seasons/${season}`,
      `/schedules/seasons/${season}`,
      `/rounds/seasons/${season}`,
      `/standings/live/leagues/${league}`,
      '/players/1',
      `/squads/seasons/${season}/teams/${team}`,
      `/squads/teams/${team}`,
      `/referees/seasons/${season}`,
      `/topscorers/seasons/${season}`,
    ].map((path) => `/v3/football${path}`),
  ];
  for (const path of paths) {
    const response = await request(`${sim.url}${path}`, { headers: { authorization: token } });
    await response.body.dump();
    if (response.statusCode !== 200) throw new Error(`priming ${path}: the simulator answered ${String(response.statusCode)}`);
  }
  sim.advanceClock(HOUR_MS - LEFT_MS);
  return new Set(Object.keys(sim.stats().calls));
}

/** Entities a run was charged for whose window was never opened: one 429 there stalls it for an hour. */
export function unprimed(sim: Simulator, primed: Set<string>): string[] {
  return Object.keys(sim.stats().calls).filter((entity) => !primed.has(entity));
}
