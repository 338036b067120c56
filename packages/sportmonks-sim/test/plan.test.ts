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
  it('nests the type of every event, statistic, lineup detail and referee row, each one of /core/types', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1 });
    const answer = await call(sim, '/v3/football/fixtures?per_page=50&filters=fixtureStates:5&include=events.type;statistics.type;lineups.details.type;referees.type');
    expect(answer.status).toBe(200);
    type Row = { type_id: number; type: { id: number; model_type: string } | null };
    const fixtures = answer.body.data as { events: Row[]; statistics: Row[]; lineups: { details: Row[] }[]; referees: Row[] }[];
    const rows = fixtures.flatMap((f) => [...f.events, ...f.statistics, ...f.lineups.flatMap((l) => l.details), ...f.referees]);
    expect(rows.length).toBeGreaterThan(10_000);
    expect(rows.filter((r) => r.type?.id !== r.type_id)).toEqual([]);
    const models = new Set(fixtures.flatMap((f) => f.events.map((e) => e.type?.model_type)));
    expect([...models]).toEqual(['event']);
    expect(new Set(fixtures.flatMap((f) => f.referees.map((r) => r.type?.model_type)))).toEqual(new Set(['referee']));
  });

  it('allows three levels of detail includes and refuses a fourth with 5008', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1 });
    expect((await call(sim, '/v3/football/fixtures?include=lineups.player.country;lineups.details.type;referees.referee')).status).toBe(200);
    expect((await call(sim, '/v3/football/fixtures?include=lineups.player.country.continent')).body.code).toBe(5008);
  });
});
