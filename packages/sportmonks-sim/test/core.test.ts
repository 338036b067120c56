// The core dictionaries: countries every league and venue points at, ~1,300 types with the
// real ids other records carry, paged by cursor as upstream pages them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, page, start, walk } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await start();
});
afterAll(async () => {
  await sim.close();
});

describe('/v3/core/countries', () => {
  it('pages every country and covers every league, venue and team country', async () => {
    const first = await page(sim, '/v3/core/countries');
    expect(first.rate_limit.requested_entity).toBe('Country');
    expect(first.pagination).toMatchObject({ per_page: 25, has_more: true });
    const countries = await walk(sim, '/v3/core/countries?per_page=50');
    const ids = new Set(countries.map((c) => c.id as number));
    expect(ids.size).toBe(countries.length);
    expect(countries.length).toBeGreaterThan(25);
    const ds = sim.dataset();
    const used = [...ds.leagues, ...ds.venues, ...ds.teams].map((r) => r.country_id as number);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
    expect(countries.find((c) => c.id === 320)).toMatchObject({ name: 'Denmark', iso2: 'DK', iso3: 'DNK', continent_id: 1 });
    expect(countries.find((c) => c.id === 1161)).toMatchObject({ name: 'Scotland' });
    expect(countries.find((c) => c.id === 462)).toMatchObject({ fifa_name: 'ENG,NIR,SCO,WAL' });
    for (const c of countries) {
      expect(Object.keys(c)).toEqual(['id', 'continent_id', 'name', 'official_name', 'fifa_name', 'iso2', 'iso3', 'latitude', 'longitude', 'borders', 'image_path']);
      expect(typeof c.latitude).toBe('string');
      expect(Array.isArray(c.borders)).toBe(true);
    }
  });

  it('serves one by id (with its continent) and "no result" for an unknown one', async () => {
    const one = await page(sim, '/v3/core/countries/320?include=continent');
    expect(one.data).toMatchObject({ id: 320, continent: { id: 1, name: 'Europe', code: 'EU' } });
    expect((await call(sim, '/v3/core/countries/7')).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/core/countries?include=leagues')).body.code).toBe(5001);
  });

  it('lists the seven continents on one page', async () => {
    const continents = await page(sim, '/v3/core/continents');
    expect(continents.data?.map((c) => c.code)).toEqual(['EU', 'AS', 'AF', 'OC', 'AN', 'NA', 'SA']);
    expect(continents.pagination?.has_more).toBe(false);
    expect(continents.rate_limit.requested_entity).toBe('Continent');
  });
});

describe('/v3/core/types', () => {
  it('pages about 1,300 types, 50 a page at most, with the fields upstream sends', async () => {
    const first = await page(sim, '/v3/core/types?per_page=50');
    expect(first.rate_limit.requested_entity).toBe('Type');
    expect(first.data).toHaveLength(50);
    const types = await walk(sim, '/v3/core/types?per_page=50');
    expect(types).toHaveLength(1300);
    expect(new Set(types.map((t) => t.id)).size).toBe(1300);
    for (const t of types.slice(0, 60)) {
      expect(Object.keys(t)).toEqual(['id', 'name', 'code', 'developer_name', 'model_type', 'stat_group']);
    }
    expect(types.map((t) => t.id as number)).toEqual(types.map((t) => t.id as number).sort((a, b) => a - b));
  });

  it('carries the real ids of events, statistics, positions, lineups, stages, periods and standing details', async () => {
    const types = new Map((await walk(sim, '/v3/core/types?per_page=50')).map((t) => [t.id as number, t]));
    const expected: [number, string, string][] = [
      [10, 'VAR', 'event'],
      [14, 'GOAL', 'event'],
      [15, 'OWNGOAL', 'event'],
      [16, 'PENALTY', 'event'],
      [17, 'MISSED_PENALTY', 'event'],
      [18, 'SUBSTITUTION', 'event'],
      [19, 'YELLOWCARD', 'event'],
      [20, 'REDCARD', 'event'],
      [21, 'YELLOWREDCARD', 'event'],
      [22, 'PENALTY_SHOOTOUT_MISS', 'event'],
      [23, 'PENALTY_SHOOTOUT_GOAL', 'event'],
      [11, 'LINEUP', 'lineup'],
      [12, 'BENCH', 'lineup'],
      [24, 'GOALKEEPER', 'position'],
      [27, 'ATTACKER', 'position'],
      [151, 'CENTRE_FORWARD', 'position'],
      [223, 'GROUP_STAGE', 'stage'],
      [224, 'KNOCK_OUT', 'stage'],
      [225, 'QUALIFYING', 'stage'],
      [45, 'BALL_POSSESSION', 'statistic'],
      [42, 'SHOTS_TOTAL', 'statistic'],
      [86, 'SHOTS_ON_TARGET', 'statistic'],
      [208, 'GOAL_TOPSCORER', 'statistic'],
      [209, 'ASSIST_TOPSCORER', 'statistic'],
      [1525, 'CURRENT', 'period'],
      [48996, '2ND_HALF_ONLY', 'period'],
      [187, 'OVERALL_POINTS', 'standing'],
    ];
    for (const [id, developerName, modelType] of expected) {
      expect(types.get(id), String(id)).toMatchObject({ developer_name: developerName, model_type: modelType });
    }
    expect(types.get(45)).toMatchObject({ name: 'Ball Possession %', code: 'ball-possession', stat_group: 'overall' });
  });

  it('serves a type by id and refuses includes', async () => {
    expect((await page(sim, '/v3/core/types/14')).data).toMatchObject({ id: 14, code: 'goal' });
    expect((await call(sim, '/v3/core/types/4')).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/core/types?include=category')).body.code).toBe(5001);
  });
});
