// GET /freshness and the freshness gauge: the writer's data_freshness rows with when the schedule
// covers each league next; the schedule's arithmetic on its own.
import { afterEach, describe, expect, it } from 'vitest';
import type { FreshnessResponse, LeagueFreshness } from '@insightxi/contracts';
import type { App } from '@insightxi/service-kit';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { nextRunAt, parseSchedule } from '../src/engine/schedule.ts';
import { FakeFetcher, FakeWriter, world } from './fakes.ts';

const TOKEN = 'operator-secret-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const NOW = Date.parse('2026-12-06T12:00:00.000Z');
let current: App | null = null;

const row = (leagueId: number, lastIncrementalSyncAt: string | null, lastFullSyncAt: string | null): LeagueFreshness => ({
  leagueId,
  league: `League ${String(leagueId)}`,
  lastFullSyncAt,
  lastIncrementalSyncAt,
  lastChangeAt: lastIncrementalSyncAt,
  lastLiveChangeAt: null,
  oldestUnsettledKickoffAt: null,
  unsettledFixtures: 0,
});

async function setup(rows: LeagueFreshness[], env: Record<string, string> = {}) {
  const writer = new FakeWriter();
  writer.leagueFreshness = rows;
  const config = readConfig({ OPERATOR_TOKEN: TOKEN, INTERNAL_TOKEN: 'internal-token-0123', LOG_LEVEL: 'silent', ...env });
  current = await buildApp(config, { fetcher: new FakeFetcher(world(1), 1), writer, now: () => NOW });
  return { app: current, writer };
}

afterEach(async () => {
  await current?.close();
  current = null;
});

describe('GET /freshness', () => {
  it('gives each league its freshness and the next scheduled run that covers it', async () => {
    const { app } = await setup([row(8, '2026-12-06T11:58:00.000Z', '2026-12-06T02:40:00.000Z'), row(82, '2026-12-06T11:40:00.000Z', null)]);
    const response = await app.inject({ url: '/freshness', headers: auth });
    expect(response.statusCode).toBe(200);
    const body = response.json<FreshnessResponse>();
    expect(body.at).toBe('2026-12-06T12:00:00.000Z');
    // League 8's incremental sync ran two minutes ago: the next is due three minutes on; 82's is overdue.
    expect(body.leagues.map((l) => [l.leagueId, l.nextScheduledRunAt])).toEqual([
      [8, '2026-12-06T12:03:00.000Z'],
      [82, '2026-12-06T12:00:00.000Z'],
    ]);
    expect(body.schedule).toEqual([
      { name: 'incremental', mode: 'incremental', expression: 'rate(5 minutes)', nextRunAt: '2026-12-06T12:03:00.000Z' },
      { name: 'week-sweep', mode: 'incremental', expression: 'rate(1 hour)', nextRunAt: '2026-12-06T12:58:00.000Z' },
      { name: 'season-sweep', mode: 'incremental', expression: 'cron(0 3 * * ? *)', nextRunAt: '2026-12-07T03:00:00.000Z' },
      { name: 'nightly-full', mode: 'full', expression: 'cron(30 2 * * ? *)', nextRunAt: '2026-12-07T02:30:00.000Z' },
    ]);
  });

  it('needs the operator token, and names the field when leagues is not a list of ids', async () => {
    const { app } = await setup([row(8, null, null)]);
    expect((await app.inject({ url: '/freshness' })).statusCode).toBe(401);
    const bad = await app.inject({ url: '/freshness?leagues=8,premier', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/leagues/);
    const one = await app.inject({ url: '/freshness?leagues=8', headers: auth });
    expect(one.json<FreshnessResponse>().leagues.map((l) => l.leagueId)).toEqual([8]);
  });

  it('exposes each synced league’s age as a gauge, and an empty one while the writer is down', async () => {
    const { app, writer } = await setup([row(8, '2026-12-06T11:58:00.000Z', null), row(82, null, null)]);
    const metrics = await app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('orchestrator_league_sync_age_seconds{league_id="8",league="League 8",service="orchestrator"} 120');
    expect(metrics.body).not.toContain('league_id="82"');
    writer.freshness = () => Promise.reject(new Error('writer unreachable'));
    const down = await app.inject({ url: '/metrics' });
    expect(down.statusCode).toBe(200);
    expect(down.body).not.toContain('orchestrator_league_sync_age_seconds{');
  });
});

describe('the schedule', () => {
  it('refuses to start on a schedule it cannot read, naming the variable', () => {
    expect(() => readConfig({ OPERATOR_TOKEN: TOKEN, INTERNAL_TOKEN: 'internal-token-0123', SYNC_SCHEDULE: 'nightly=full at 2am' })).toThrow(/SYNC_SCHEDULE/);
  });

  it('knows daily crons and rates; other crons are unknown', () => {
    const [daily, rate, weekly] = parseSchedule('a=full cron(30 2 * * ? *); b=incremental rate(2 hours); c=full cron(0 4 ? * MON *)');
    if (!daily || !rate || !weekly) throw new Error('three entries');
    expect(nextRunAt(daily, Date.parse('2026-12-06T02:29:00Z'), null)).toBe(Date.parse('2026-12-06T02:30:00Z'));
    expect(nextRunAt(rate, NOW, Date.parse('2026-12-06T11:00:00Z'))).toBe(Date.parse('2026-12-06T13:00:00Z'));
    expect(nextRunAt(rate, NOW, null)).toBe(NOW);
    expect(nextRunAt(weekly, NOW, null)).toBeNull();
  });
});
