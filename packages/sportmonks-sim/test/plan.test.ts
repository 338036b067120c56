import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, start } from './helpers.ts';

let sim: Simulator;
afterEach(async () => {
  await sim.close();
});

const LINK = 'https://docs.sportmonks.com/football/api/error-codes/other-exceptions';

describe('includes outside the plan', () => {
  it('fails the whole request with 403 and SportMonks’ 5002 body, and does not charge it', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1, deniedIncludes: ['statistics'] });
    const denied = await call(sim, '/v3/football/fixtures?include=participants;events;statistics');
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ message: "You do not have access to the 'statistics' include", code: 5002, link: LINK });
    const single = await call(sim, `/v3/football/fixtures/${String(sim.dataset().fixtures[0]?.id)}?include=statistics`);
    expect(single.status).toBe(403);
    expect(sim.stats().calls.Fixture).toBeUndefined();
    const allowed = await call(sim, '/v3/football/fixtures?include=participants;events;lineups');
    expect(allowed.status).toBe(200);
    expect(sim.stats().calls.Fixture).toBe(1);
  });

  it('denies a nested include by its dotted path without denying the parent', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1, deniedIncludes: ['lineups.details'] });
    const denied = await call(sim, '/v3/football/fixtures?include=lineups.details');
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe("You do not have access to the 'lineups.details' include");
    expect((await call(sim, '/v3/football/fixtures?include=lineups.player')).status).toBe(200);
  });
});

describe('include nesting', () => {
  it('allows three levels and refuses a fourth with 5008; an unknown nested include is 5001', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1 });
    expect((await call(sim, '/v3/football/fixtures?include=events.player;lineups.details;referees.referee')).status).toBe(200);
    const deep = await call(sim, '/v3/football/fixtures?include=lineups.player.country.continent');
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe(5008);
    const unknown = await call(sim, '/v3/football/fixtures?include=events.sideline');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(5001);
  });
});
