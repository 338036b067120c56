import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@insightxi/service-kit';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/lib/config.ts';
import { dashboardDatabase } from '../src/lib/database-url.ts';
import { DEFAULT_HOURLY_CALL_BUDGET, querySettings } from '../src/lib/query.ts';

const analyst = 'mysql://analyst:secret-pass@db:3306/insightxi';

describe('the container\'s configuration', () => {
  it('has defaults for everything but the database', async () => {
    const config = await readConfig({ ANALYST_DATABASE_URL: analyst });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      ANALYST_DATABASE_URL: analyst,
      DASHBOARDS_REBUILD_MINUTES: 15,
      DASHBOARDS_HOURLY_CALL_BUDGET: 3000,
      DASHBOARDS_SITES_DIR: join(tmpdir(), 'insightxi-dashboards'),
    });
  });

  it('names every malformed variable, never a value', async () => {
    const error = await readConfig({ ANALYST_DATABASE_URL: 'postgres://x:hidden@h/d', DASHBOARDS_REBUILD_MINUTES: '0', PORT: 'web' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'ANALYST_DATABASE_URL', 'DASHBOARDS_REBUILD_MINUTES']) expect(problems).toContain(name);
    expect(problems).not.toContain('hidden');
  });
});

describe('the account the dashboards read with', () => {
  it('is ANALYST_DATABASE_URL when set, else the project database', async () => {
    expect(await dashboardDatabase({ ANALYST_DATABASE_URL: analyst })).toEqual({ url: analyst, analyst: true });
    expect(await dashboardDatabase({ ANALYST_DATABASE_URL: '', DATABASE_URL: 'mysql://root@h:3306/insightxi' })).toEqual({ url: 'mysql://root@h:3306/insightxi', analyst: false });
  });
});

describe('query settings', () => {
  it('reads the hourly call budget, defaulting to SportMonks\' standard plan', () => {
    expect(querySettings({})).toEqual({ hourlyCallBudget: DEFAULT_HOURLY_CALL_BUDGET });
    expect(querySettings({ DASHBOARDS_HOURLY_CALL_BUDGET: '180' })).toEqual({ hourlyCallBudget: 180 });
    expect(() => querySettings({ DASHBOARDS_HOURLY_CALL_BUDGET: '1.5' })).toThrow('DASHBOARDS_HOURLY_CALL_BUDGET must be a positive whole number, not "1.5"');
  });
});
