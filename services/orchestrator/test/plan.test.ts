// Which steps a run plans for the season structure: none of its own in /sync/all when the
// fixtures' schedules carry it; a stages step per season when fixtures come by date window.
import { describe, expect, it } from 'vitest';
import { buildPlan, type SeasonResolver } from '../src/engine/plan.ts';

const resolver: SeasonResolver = () => Promise.resolve({ seasons: [101, 201], upstreamCalls: 1, rateLimitWaitMs: 0 });
const labelsOf = async (...args: Parameters<typeof buildPlan>) => (await buildPlan(...args)).plan.steps.map((s) => s.label);

describe('plans with the season structure', () => {
  it('/sync/all: the dictionaries first, the structure and the referees with the fixtures (no steps of their own)', async () => {
    expect(await labelsOf('all', { mode: 'full' }, resolver, '2026-12-06')).toEqual([
      'types',
      'countries',
      'states',
      'leagues',
      'seasons',
      'venues season 101',
      'venues season 201',
      'teams season 101',
      'teams season 201',
      'fixtures season 101',
      'fixtures season 201',
      'squads season 101',
      'squads season 201',
      'standings season 101',
      'standings season 201',
      'topscorers season 101',
      'topscorers season 201',
      'players named by match detail',
      'referees named by match detail',
    ]);
  });

  it('ends with the people match detail named only when fixture calls carry detail', async () => {
    const { plan } = await buildPlan('fixtures', { mode: 'incremental', windowDays: 1 }, resolver, '2026-12-06');
    expect(plan.steps.slice(-2)).toEqual([
      { entity: 'players', query: {}, label: 'players named by match detail', resolve: 'stubs' },
      { entity: 'referees', query: {}, label: 'referees named by match detail', resolve: 'stubs' },
    ]);
    expect(await labelsOf('fixtures', { mode: 'full', seasons: [5], detail: false }, resolver, '2026-12-06')).toEqual(['fixtures season 5']);
    expect(await labelsOf('squads', { mode: 'full', seasons: [5] }, resolver, '2026-12-06')).toEqual(['squads season 5']);
  });

  it('/sync/all without detail reads each season\'s referees, which no fixture call describes then', async () => {
    const labels = await labelsOf('all', { mode: 'full', detail: false }, resolver, '2026-12-06');
    expect(labels.filter((label) => label.startsWith('referees'))).toEqual(['referees season 101', 'referees season 201']);
    expect(labels.filter((label) => label.includes('named by match detail'))).toEqual([]);
  });

  it('/sync/all by date window: each season\'s stages before the fixtures, which carry no structure then', async () => {
    const labels = await labelsOf('all', { mode: 'full', from: '2026-11-01', to: '2026-11-30' }, resolver, '2026-12-06');
    expect(labels.slice(labels.indexOf('stages season 101'), labels.indexOf('fixtures 2026-11-01..2026-11-30') + 1)).toEqual([
      'stages season 101',
      'stages season 201',
      'fixtures 2026-11-01..2026-11-30',
    ]);
  });

  it('/sync/stages, /sync/rounds …: one step a season, noted as read when complete', async () => {
    const { plan } = await buildPlan('rounds', { mode: 'full', seasons: [5] }, resolver, '2026-12-06');
    expect(plan.steps).toEqual([{ entity: 'rounds', query: { seasons: '5' }, label: 'rounds season 5', season: 5 }]);
    expect(await labelsOf('aggregates', { mode: 'full' }, resolver, '2026-12-06')).toEqual(['aggregates season 101', 'aggregates season 201']);
  });
});
