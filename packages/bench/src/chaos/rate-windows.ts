// A 429 makes the fetcher pause that entity until SportMonks' hourly window resets, as it must.
// The fetcher runs on real time and the chaos simulator's clock is frozen, so every window would
// report an hour to go and one 429 burst would stall a run for an hour. Opening every entity's
// window and moving the simulated clock to a few seconds before it ends keeps the waits real but
// short: with the clock frozen there, each answer says the window resets in a few seconds.
import { request } from 'undici';
import type { Simulator } from '@insightxi/sportmonks-sim';

const HOUR_MS = 3_600_000;
const LEFT_MS = 3_000;

export async function primeRateLimitWindows(sim: Simulator, token: string): Promise<void> {
  const dataset = sim.dataset();
  const season = String(dataset.seasons[0]?.id);
  const league = String(dataset.leagues[0]?.id);
  // One call per entity the fetcher is charged for: State, League, Season, Venue, Team, Fixture,
  // Standing, Stage (schedules), Round, LiveStanding.
  const paths = [
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
  ];
  for (const path of paths) {
    const response = await request(`${sim.url}/v3/football${path}`, { headers: { authorization: token } });
    await response.body.dump();
    if (response.statusCode !== 200) throw new Error(`priming ${path}: the simulator answered ${String(response.statusCode)}`);
  }
  sim.advanceClock(HOUR_MS - LEFT_MS);
}
