// The site as analysts get it: built by the container's own loop from the analyst account of a
// database filled like the analysts' guide's (docs-checks), served, and read in headless Chromium.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, repoRoot, withConnection, type TestDatabase } from '@insightxi/mysql';
import { freePort } from '@insightxi/stack';
import type { App } from '@insightxi/service-kit';
import type { Connection } from 'mariadb';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, rendered, visit, type Visit } from '../src/lib/browser.ts';
import { BuildError, buildSite, type BuildReport } from '../src/lib/build.ts';
import { ensureChromium } from '../src/lib/chromium.ts';
import { runCommand, startPreview } from '../src/lib/commands.ts';
import { readConfig } from '../src/lib/config.ts';
import { PAGES } from '../src/lib/pages.ts';
import { nextBuildDir, publishSite } from '../src/lib/publish.ts';
import { openQueryConnection, querySettings, runQuery } from '../src/lib/query.ts';
import { startSampleDatabase, type SampleDatabase } from '../src/lib/sample-site.ts';
import { serveDashboards, type RunningDashboards } from '../src/lib/serve.ts';
import { buildSiteServer } from '../src/lib/server.ts';
import { DATA_DIR, FRAMEWORK_CACHE_DIR } from '../src/lib/site.ts';
import { formatSizes, PAGE_DATA_LIMIT_BYTES } from '../src/lib/sizes.ts';
import { parseSqlFile } from '../src/lib/sql-file.ts';

let chromium: string;
let sample: SampleDatabase | undefined;
let sitesDir: string | undefined;
let running: RunningDashboards | undefined;
let report: BuildReport;
let browser: Browser | undefined;
let analyst: Connection | undefined;

function site(): RunningDashboards {
  if (!running) throw new Error('the site did not start');
  return running;
}
function sql(): Connection {
  if (!analyst) throw new Error('no analyst connection');
  return analyst;
}

async function open(path: string): Promise<Visit> {
  if (!browser) throw new Error('no browser');
  return visit(browser, `${site().url}/${path}`);
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent.trim()));
}

async function queryRows(name: string): Promise<unknown[][]> {
  const file = parseSqlFile(name, await readFile(join(DATA_DIR, name), 'utf8'));
  const output = await runQuery(sql(), file);
  if (!output.available) throw new Error(`${name}: not available`);
  return output.rows;
}

async function seasonOf(league: string, season: string): Promise<{ league_id: number; season_id: number }> {
  const [row] = await sql().query<{ league_id: number; season_id: number }[]>(
    'SELECT s.league_id, s.id AS season_id FROM seasons s JOIN leagues l ON l.id = s.league_id WHERE l.name = ? AND s.name = ?',
    [league, season],
  );
  if (!row) throw new Error(`no ${league} ${season}`);
  return row;
}

/** The top three of league_table for a season's stage and group (null: a stage without groups). */
async function topThree(seasonId: number, stageId: number | null, groupId: number | null = null): Promise<string[]> {
  const rows = await sql().query<{ team: string }[]>(
    'SELECT team FROM league_table WHERE season_id = ? AND stage_id <=> ? AND group_id <=> ? ORDER BY position LIMIT 3',
    [seasonId, stageId, groupId],
  );
  return rows.map((r) => r.team);
}

/** The table a league-table page shows: its season from the path, its stage and group from the address. */
async function shownTable(page: Page): Promise<{ season: number; stage: number | null; group: number | null; topThree: string[] }> {
  const url = new URL(page.url());
  const season = Number(url.pathname.split('/').at(-1));
  const param = (name: string) => (url.searchParams.get(name) === null ? null : Number(url.searchParams.get(name)));
  const [stage, group] = [param('stage'), param('group')];
  return { season, stage, group, topThree: await topThree(season, stage, group) };
}

/** Picks an option of the filter labelled `label` the way a reader does (Inputs.select's options carry their index as value). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const labels = await texts(page, '.filters form label');
  const form = `.filters form:nth-of-type(${labels.indexOf(label) + 1})`;
  const index = (await texts(page, `${form} option`)).indexOf(option);
  if (!labels.includes(label) || index < 0) throw new Error(`no filter ${label} with ${option}`);
  await page.select(`${form} select`, String(index));
}

beforeAll(async () => {
  chromium = ensureChromium();
  sample = await startSampleDatabase('dashboards_site');
  sitesDir = await mkdtemp(join(tmpdir(), 'dashboards-site-'));
  const config = await readConfig({
    ...process.env,
    ANALYST_DATABASE_URL: sample.analyst.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DASHBOARDS_SITES_DIR: sitesDir,
    DASHBOARDS_REBUILD_MINUTES: '60',
  });
  running = await serveDashboards(config);
  report = await running.firstBuild;
  console.log(`dashboards built from the analyst account in ${report.seconds.toFixed(1)} s:\n${formatSizes(report.pages).join('\n')}`);
  browser = await launchBrowser(chromium);
  analyst = await openQueryConnection(sample.analyst.url, querySettings({}));
});

afterAll(async () => {
  await analyst?.end();
  await browser?.close();
  await running?.app.close();
  if (sitesDir) await rm(sitesDir, { recursive: true, force: true });
  await sample?.stop();
});

describe('the built site', () => {
  it('has every page, a page per season for the per-season dashboards, each with its data under 2 MB', async () => {
    const [seasons] = await sql().query<{ n: number }[]>('SELECT COUNT(DISTINCT season_id) AS n FROM fixtures WHERE deleted_at IS NULL');
    const kinds = new Map<string, number>();
    for (const { page } of report.pages) kinds.set(page.replace(/\/\d+$/, '/[season]'), (kinds.get(page.replace(/\/\d+$/, '/[season]')) ?? 0) + 1);
    const perSeason = PAGES.filter((p) => p.perSeason);
    expect(Object.fromEntries(kinds)).toEqual(Object.fromEntries([
      ['index', 1],
      ...PAGES.filter((p) => !p.perSeason).map((p) => [p.path, 1]),
      ...perSeason.map((p) => [`${p.path}/index`, 1]),
      ...perSeason.map((p) => [`${p.path}/[season]`, Number(seasons?.n)]),
    ]));
    for (const page of report.pages) expect(page.bytes, page.page).toBeLessThanOrEqual(PAGE_DATA_LIMIT_BYTES);
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    expect(report.pages.find((p) => p.page === `league-table/${season_id}`)?.files.map((f) => f.name).sort()).toEqual(
      [...['knockout-ties', 'stage-race', 'stage-tables'].map((name) => `data/season/${season_id}/${name}.json`), 'data/seasons.json'],
    );
  });

  it.each([{ path: '', name: 'InsightXI dashboards' }, ...PAGES])('/$path loads with no console error and no request leaving the machine', async ({ path, name }) => {
    const { page, consoleErrors, outsideRequests } = await open(path);
    try {
      expect(consoleErrors).toEqual([]);
      expect(outsideRequests).toEqual([]);
      expect(await texts(page, 'h1')).toContain(name);
      expect(await page.$$('.observablehq--error')).toHaveLength(0);
    } finally {
      await page.close();
    }
  });

  it.each(PAGES.filter((p) => p.perSeason))('/$path/<season> loads with no console error and no request leaving the machine', async ({ path, name }) => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const { page, consoleErrors, outsideRequests } = await open(`${path}/${season_id}`);
    try {
      expect(consoleErrors).toEqual([]);
      expect(outsideRequests).toEqual([]);
      expect(await texts(page, 'h1')).toContain(name);
      expect(await page.$$('.observablehq--error')).toHaveLength(0);
    } finally {
      await page.close();
    }
  });
});

describe('league-table', () => {
  it('shows the same top three as league_table in SQL, for a season picked on the landing page', async () => {
    const landing = await open('league-table');
    try {
      // The first league alphabetically (written into the address); its seasons newest first, the current one marked.
      expect(new URL(landing.page.url()).pathname).toBe('/league-table/');
      const [first] = await sql().query<{ id: number }[]>('SELECT l.id FROM leagues l WHERE EXISTS (SELECT 1 FROM fixtures f WHERE f.league_id = l.id) ORDER BY l.name LIMIT 1');
      expect(new URL(landing.page.url()).searchParams.get('league')).toBe(String(first?.id));
      const [current] = await sql().query<{ id: number; name: string }[]>('SELECT s.id, s.name FROM seasons s WHERE s.league_id = ? AND s.is_current', [first?.id]);
      expect(await texts(landing.page, 'ul.seasons li')).toContain(`${current?.name ?? ''} (current)`);
      await Promise.all([landing.page.waitForNavigation({ waitUntil: 'networkidle0' }), landing.page.click(`ul.seasons a[href="./${current?.id ?? 0}"]`)]);
      await rendered(landing.page);
      expect(new URL(landing.page.url()).pathname).toBe(`/league-table/${current?.id ?? 0}`);
      expect((await texts(landing.page, 'table.standings tbody td.team')).slice(0, 3)).toEqual((await shownTable(landing.page)).topThree);
    } finally {
      await landing.page.close();
    }
  });

  it('follows the league filter: another league is its current season\'s page, with its table', async () => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const { page } = await open(`league-table/${season_id}`);
    try {
      const premiership = await seasonOf('Premiership', '2026/2027');
      // Inputs.select's options carry their index as value.
      const leagues = await texts(page, '.filters form:first-of-type option');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.select('.filters form:first-of-type select', String(leagues.indexOf('Premiership')))]);
      await rendered(page);
      expect(new URL(page.url()).pathname).toBe(`/league-table/${premiership.season_id}`);
      expect((await texts(page, 'table.standings tbody td.team')).slice(0, 3)).toEqual((await shownTable(page)).topThree);
    } finally {
      await page.close();
    }
  });

  it('draws the points race of the stage: the top three in colour, every other team of the stage in grey', async () => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const { page } = await open(`league-table/${season_id}`);
    try {
      const { stage, group } = await shownTable(page);
      // season_id, stage_id, group_id, round, team_id, points
      const race = (await queryRows('season/[season]/stage-race.json.sql')).filter((r) => r[0] === season_id && r[1] === stage && r[2] === group);
      const teams = new Set(race.map((r) => r[4]));
      expect(teams.size).toBeGreaterThan(3);
      expect(await page.$$('svg g.points-race-leaders path')).toHaveLength(3);
      expect(await page.$$('svg g[aria-label="line"]:not(.points-race-leaders) path')).toHaveLength(teams.size - 3);
      // Each line ends on the team's points in the table.
      const table = await sql().query<{ team_id: number; points: number }[]>('SELECT team_id, points FROM league_table WHERE season_id = ? AND stage_id = ? AND group_id <=> ?', [season_id, stage, group]);
      expect(Object.fromEntries([...teams].map((team) => [String(team), race.filter((r) => r[4] === team).at(-1)?.[5]]))).toEqual(
        Object.fromEntries(table.filter((t) => teams.has(t.team_id)).map((t) => [String(t.team_id), t.points])),
      );
    } finally {
      await page.close();
    }
  });

  it('a split season: the latest stage first, its points carried over; another stage is its own table', async () => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const stages = await sql().query<{ stage_id: number; stage: string }[]>(
      'SELECT DISTINCT lt.stage_id, lt.stage, st.sort_order FROM league_table lt JOIN stages st ON st.id = lt.stage_id WHERE lt.season_id = ? ORDER BY st.sort_order, lt.stage_id',
      [season_id],
    );
    expect(stages.length).toBeGreaterThan(1);
    const { page } = await open(`league-table/${season_id}`);
    try {
      const labelled = await page.$$eval('.filters form', (forms) => forms.map((f) => f.querySelector('label')?.textContent));
      expect(labelled).toEqual(['League', 'Season', 'Stage']);
      const shown = await shownTable(page);
      expect(shown.stage).not.toBe(stages[0]?.stage_id);
      expect((await texts(page, 'table.standings tbody td.team')).slice(0, 3)).toEqual(shown.topThree);
      expect((await texts(page, '.lede')).join(' ')).toContain('Points of the earlier stage carry over into this table.');
      const first = stages[0];
      if (!first) throw new Error('no stage');
      await choose(page, 'Stage', first.stage);
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('stage') === String(id), {}, first.stage_id);
      const expected = await topThree(season_id, first.stage_id);
      await page.waitForFunction((team) => document.querySelector('table.standings tbody td.team')?.textContent === team, {}, expected[0]);
      expect((await texts(page, 'table.standings tbody td.team')).slice(0, 3)).toEqual(expected);
      expect(await texts(page, 'h2')).toContain(first.stage);
    } finally {
      await page.close();
    }
  });

  it('a stage played in groups: a group filter, each group its own table', async () => {
    const [grouped] = await sql().query<{ season_id: number; stage_id: number; stage: string }[]>(
      'SELECT season_id, stage_id, MIN(stage) AS stage FROM league_table WHERE group_id IS NOT NULL GROUP BY season_id, stage_id ORDER BY season_id, stage_id LIMIT 1',
    );
    if (!grouped) throw new Error('no stage with groups in the sample');
    const groups = await sql().query<{ group_id: number; group_name: string }[]>(
      'SELECT DISTINCT group_id, group_name FROM league_table WHERE season_id = ? AND stage_id = ? ORDER BY group_name',
      [grouped.season_id, grouped.stage_id],
    );
    const last = groups.at(-1);
    if (!last || groups.length < 2) throw new Error('one group only');
    const { page } = await open(`league-table/${grouped.season_id}?stage=${grouped.stage_id}`);
    try {
      expect(await texts(page, '.filters form:last-of-type option')).toEqual(groups.map((g) => g.group_name));
      await choose(page, 'Group', last.group_name);
      const expected = await topThree(grouped.season_id, grouped.stage_id, last.group_id);
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('group') === String(id), {}, last.group_id);
      await page.waitForFunction((team) => document.querySelector('table.standings tbody td.team')?.textContent === team, {}, expected[0]);
      expect((await texts(page, 'table.standings tbody td.team')).slice(0, 3)).toEqual(expected);
      expect(await texts(page, 'h2')).toContain(`${grouped.stage} · ${last.group_name}`);
    } finally {
      await page.close();
    }
  });

  it('lays out the knock-out rounds: a box per tie of knockout-ties.json.sql, the winner in bold', async () => {
    const [season] = await sql().query<{ season_id: number }[]>('SELECT season_id FROM knockout_ties WHERE winner_team_id IS NOT NULL GROUP BY season_id ORDER BY COUNT(*) DESC, season_id LIMIT 1');
    if (!season) throw new Error('no decided tie in the sample');
    const ties = (await queryRows('season/[season]/knockout-ties.json.sql')).filter((r) => r[0] === season.season_id);
    const { page } = await open(`league-table/${season.season_id}`);
    try {
      expect(ties.length).toBeGreaterThan(1);
      expect(await page.$$('.bracket .tie')).toHaveLength(ties.length);
      const [winners] = await sql().query<{ n: number }[]>('SELECT COUNT(*) AS n FROM knockout_ties WHERE season_id = ? AND winner_team_id IS NOT NULL', [season.season_id]);
      expect((await page.$$('.bracket .tie .winner')).length).toBeGreaterThanOrEqual(Number(winners?.n));
    } finally {
      await page.close();
    }
  });
});

describe('charts have as many marks as their query has rows', () => {
  it('trends: one bar per league and season in goals-per-match.json.sql', async () => {
    const rows = await queryRows('goals-per-match.json.sql');
    const { page } = await open('trends');
    try {
      expect(rows.length).toBeGreaterThan(6);
      expect(await page.$$('svg g.goals-per-match rect')).toHaveLength(rows.length);
    } finally {
      await page.close();
    }
  });

  it('team: one bar per finished match of the team in team-matches.json.sql', async () => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const [team] = await sql().query<{ id: number }[]>("SELECT id FROM teams WHERE name = 'FC København'");
    const rows = (await queryRows('season/[season]/team-matches.json.sql')).filter((r) => r[0] === season_id && r[1] === team?.id);
    const { page } = await open(`team/${season_id}?team=${team?.id ?? 0}`);
    try {
      expect(rows.length).toBeGreaterThanOrEqual(22);
      expect(await page.$$('svg g.team-results rect')).toHaveLength(rows.length);
    } finally {
      await page.close();
    }
  });

  it('data-health: one dot per sync run, one bar per kind of quarantined record', async () => {
    const runs = await queryRows('sync-runs.json.sql');
    const quarantine = await queryRows('quarantine.json.sql');
    const { page } = await open('data-health');
    try {
      expect(runs.length).toBe(4);
      expect(await page.$$('svg g.sync-runs circle')).toHaveLength(runs.length);
      expect(sample?.quarantined).toBeGreaterThan(0);
      expect(await page.$$('svg g.quarantine rect')).toHaveLength(quarantine.length);
    } finally {
      await page.close();
    }
  });
});

// The sample is synced with match detail: these pages draw it (an empty database's build checks the "not yet" notes).
describe('pages with match detail synced', () => {
  it('players draws its rankings and says nothing is missing', async () => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const { page } = await open(`players/${season_id}`);
    try {
      const notes = await texts(page, '.not-yet');
      expect(notes.filter((note) => note.startsWith('No player statistics yet'))).toEqual([]);
      expect((await page.$$('main svg')).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('match shows the score by period and the other meetings of the two teams, and no detail is missing', async () => {
    const { season_id } = await seasonOf('Superliga', '2025/2026');
    const [derby] = await sql().query<{ fixture_id: number; home: number; away: number; home_ht: number; away_ht: number }[]>(
      `SELECT fixture_id, home_goals AS home, away_goals AS away, home_goals_half_time AS home_ht, away_goals_half_time AS away_ht FROM fixture_results
        WHERE season_id = ? AND home_team = 'FC København' AND away_team = 'Brøndby IF' AND state = 'FT' ORDER BY starting_at LIMIT 1`,
      [season_id],
    );
    if (!derby) throw new Error('no derby');
    const { page } = await open(`match/${season_id}?fixture=${derby.fixture_id}`);
    try {
      expect(await texts(page, '.scoreboard .score')).toEqual([`${derby.home}–${derby.away}`]);
      expect((await texts(page, '.scoreboard .meta')).join(' ')).toContain(`1st half ${derby.home_ht}–${derby.away_ht} · 2nd half ${derby.home - derby.home_ht}–${derby.away - derby.away_ht}`);
      const [meetings] = await sql().query<{ n: number }[]>(
        "SELECT COUNT(*) AS n FROM fixture_results WHERE state IN ('FT', 'AET', 'FT_PEN') AND fixture_id <> ? AND home_team IN ('FC København', 'Brøndby IF') AND away_team IN ('FC København', 'Brøndby IF') AND home_team <> away_team",
        [derby.fixture_id],
      );
      expect(await page.$$('table.standings tbody tr')).toHaveLength(Math.min(10, Number(meetings?.n)));
      const notes = (await texts(page, '.not-yet')).join('\n');
      expect(notes).not.toContain('No match events yet');
      expect(notes).not.toContain('No lineups yet');
      expect(notes).not.toContain('No team statistics yet');
    } finally {
      await page.close();
    }
  });
});

describe('make dashboards-shots', () => {
  it('builds the site, photographs every page with no error on it, and writes one picture per page', async () => {
    if (!sample) throw new Error('no sample database');
    const dir = await mkdtemp(join(tmpdir(), 'dashboards-shots-'));
    const filled = sample;
    try {
      const code = await runCommand(['shots'], process.env, { startSample: () => Promise.resolve({ ...filled, stop: () => Promise.resolve() }), shotsDir: dir });
      expect(code).toBe(0);
      const written = (await readdir(dir)).sort();
      expect(written).toEqual(PAGES.map((p) => `${p.path}.png`).sort());
      for (const name of written) expect((await stat(join(dir, name))).size, name).toBeGreaterThan(20_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
   }, 300_000);
});

describe('make dashboards (preview)', () => {
  it('serves the pages and runs a query when the browser asks for its file', async () => {
    const port = await freePort();
    const child = await startPreview(sample?.analyst.url ?? '', port, process.env, 'ignore');
    try {
      let page = '';
      for (let attempt = 0; attempt < 100 && !page.includes('League table'); attempt++) {
        page = await fetch(`http://127.0.0.1:${port}/league-table/`).then((r) => r.text(), () => '');
        if (!page.includes('League table')) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(page).toContain('League table');
      const seasons = (await fetch(`http://127.0.0.1:${port}/_file/data/seasons.json`).then((r) => r.json())) as { available: boolean; rows: unknown[] };
      expect(seasons.available).toBe(true);
      const [stored] = await sql().query<{ n: number }[]>('SELECT COUNT(DISTINCT season_id) AS n FROM fixtures WHERE deleted_at IS NULL');
      expect(seasons.rows.length).toBe(Number(stored?.n));
      // A per-season file: the loader gets --season=<id> and answers with that season's rows only.
      const { season_id } = await seasonOf('Superliga', '2025/2026');
      const matches = (await fetch(`http://127.0.0.1:${port}/_file/data/season/${season_id}/matches.json`).then((r) => r.json())) as { columns: string[]; rows: unknown[][] };
      const column = matches.columns.indexOf('season_id');
      expect(matches.rows.length).toBeGreaterThan(100);
      expect(new Set(matches.rows.map((r) => r[column]))).toEqual(new Set([season_id]));
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('builds that cannot be published', () => {
  it('a page with more data than allowed fails the build, naming the page', async () => {
    const output = await mkdtemp(join(tmpdir(), 'dashboards-big-'));
    try {
      const error = await buildSite({ databaseUrl: sample?.analyst.url ?? '', output, pageLimitBytes: 64 * 1024 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(/^pages over 0\.1 MB of data \(aggregate in SQL\): [a-z-]+\/\d+ \d\.\d\d MB(, [a-z-]+\/\d+ \d\.\d\d MB)*$/);
    } finally {
      await rm(output, { recursive: true, force: true });
    }
   }, 300_000);

  it('the container keeps serving nothing (not ready) when its first build fails, and leaves no half-built folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dashboards-down-'));
    try {
      const config = await readConfig({ ...process.env, ANALYST_DATABASE_URL: 'mysql://nobody:wrong-password@127.0.0.1:9/insightxi', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DASHBOARDS_SITES_DIR: dir });
      const down = await serveDashboards(config);
      try {
        await expect(down.firstBuild).rejects.toThrow(/cannot read mysql:\/\/nobody:\*\*\*@127\.0\.0\.1:9\/insightxi: .*ECONNREFUSED/);
        expect((await down.app.inject('/health/ready')).statusCode).toBe(503);
        expect(await readdir(dir)).toEqual([]);
      } finally {
        await down.app.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('builds that cannot read the data', () => {
  it('a failing query fails the build, naming the file and MySQL\'s message', async () => {
    // A view that no longer has the columns the query reads (a schema changed under it).
    const broken = await createTestDatabase({ prefix: 'dashboards_broken' });
    const output = await mkdtemp(join(tmpdir(), 'dashboards-fail-'));
    try {
      await withConnection(broken.url, (c) => c.query('CREATE VIEW fixture_results AS SELECT 1 AS fixture_id'));
      const error = await buildSite({ databaseUrl: broken.url, output }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toBe("the dashboards build failed:\npackages/dashboards/src/data/goals-per-match.json.sql: Unknown column 'league_id' in 'SELECT' (ER_BAD_FIELD_ERROR)");
    } finally {
      await rm(output, { recursive: true, force: true });
      await broken.drop();
    }
  });

  it('an account that cannot log in fails the build with MySQL\'s message and without the password', async () => {
    const url = new URL(sample?.analyst.url ?? '');
    url.password = 'not-the-password';
    const output = await mkdtemp(join(tmpdir(), 'dashboards-fail-'));
    try {
      const error = await buildSite({ databaseUrl: url.toString(), output }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(/^the dashboards build failed:\ncannot read mysql:\/\/[^:]+:\*\*\*@[^ ]+: Access denied for user '[^']+'@'[^']+' \(using password: YES\) \(ER_ACCESS_DENIED_ERROR\)$/);
      expect((error as Error).message).not.toContain('not-the-password');
    } finally {
      await rm(output, { recursive: true, force: true });
    }
  });
});

describe('a database with no data yet', () => {
  let empty: TestDatabase | undefined;
  let app: App | undefined;
  let dir: string | undefined;

  beforeAll(async () => {
    empty = await createTestDatabase({ prefix: 'dashboards_empty', migrationsDir: join(repoRoot(), 'services', 'database', 'prisma', 'migrations') });
    dir = await mkdtemp(join(tmpdir(), 'dashboards-empty-'));
    const output = nextBuildDir(dir);
    // As `make dashboards-build` runs it.
    expect(await runCommand(['build'], { ...process.env, ANALYST_DATABASE_URL: empty.url, DASHBOARDS_OUTPUT: output })).toBe(0);
    await publishSite(dir, output);
    app = await buildSiteServer({ sitesDir: dir, logger: { level: 'silent' } });
  });

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    await empty?.drop();
  });

  it('builds, and every page says what is missing instead of failing', async () => {
    if (!app || !browser) throw new Error('no site');
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await readdir(join(dir ?? '', 'current'))).length).toBeGreaterThan(0);
    for (const { path } of PAGES) {
      const { page, consoleErrors, outsideRequests } = await visit(browser, `${url}/${path}`);
      try {
        expect({ path, consoleErrors, outsideRequests }).toEqual({ path, consoleErrors: [], outsideRequests: [] });
        expect((await texts(page, '.not-yet')).length, path).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    }
  });
});

describe('the image build\'s prepare step', () => {
  it('fills Framework\'s cache without a database, and an unknown command prints the usage', async () => {
    expect(await runCommand(['prepare'], process.env)).toBe(0);
    for (const dir of ['_node', '_npm', '_observablehq']) expect((await stat(join(FRAMEWORK_CACHE_DIR, dir))).isDirectory(), dir).toBe(true);
    expect(await runCommand(['deploy'], process.env)).toBe(2);
  });
});

// Match detail (issue 16) and data_freshness (issue 19) may not be in the schema yet. Tables with
// the real ones' columns (their migrations' names) are added here where they are still absent, so
// that the code of the pages that wait for them runs now; once the real tables exist these tests
// read them, and every count below comes from the page's own query, so they hold for either.
describe('when match detail and data_freshness arrive', () => {
  let app: App | undefined;
  let dir: string | undefined;
  let derby: { fixture_id: number; home: number; away: number; season_id: number; league_id: number } | undefined;

  const STAND_INS: Record<string, string[]> = {
    types: ['CREATE TABLE types (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL)', "INSERT INTO types VALUES (14, 'Goal'), (19, 'Yellowcard'), (18, 'Substitution')"],
    fixture_events: [
      'CREATE TABLE fixture_events (id BIGINT PRIMARY KEY, fixture_id INT, period_id INT, minute INT, extra_minute INT NULL, team_id INT, type_id INT, player_name VARCHAR(191), related_player_name VARCHAR(191))',
      "INSERT INTO fixture_events VALUES (1, :f, 1, 12, NULL, :h, 14, 'Viktor Claesson', 'Lukas Lerager'), (2, :f, 1, 30, NULL, :a, 14, 'Ohi Omoijuanfo', NULL), (3, :f, 1, 45, 2, :h, 19, 'Lukas Lerager', NULL), (4, :f, 2, 61, NULL, :a, 18, 'Nicolai Vallys', 'Ohi Omoijuanfo')",
    ],
    fixture_lineups: [
      'CREATE TABLE fixture_lineups (id BIGINT PRIMARY KEY, fixture_id INT, team_id INT, type_id INT, jersey_number INT, player_name VARCHAR(191), formation_position INT NULL)',
      "INSERT INTO fixture_lineups VALUES (1, :f, :h, 11, 10, 'Viktor Claesson', 1), (2, :f, :h, 11, 12, 'Lukas Lerager', 2), (3, :f, :a, 11, 9, 'Ohi Omoijuanfo', 1), (4, :f, :a, 12, 7, 'Nicolai Vallys', NULL)",
    ],
    fixture_team_stats: [
      'CREATE TABLE fixture_team_stats (season_id INT, fixture_id INT, team_id INT, possession INT, shots INT, shots_on_target INT, corners INT, fouls INT)',
      'INSERT INTO fixture_team_stats VALUES (:s, :f, :h, 58, 14, 6, 7, 11), (:s, :f, :a, 42, 9, 5, 3, 14)',
    ],
    player_season_stats: [
      'CREATE TABLE player_season_stats (season_id INT, team_id INT, team VARCHAR(191), player_id INT, player VARCHAR(191), appearances INT, minutes INT, goals INT, assists INT, yellow_cards INT, red_cards INT)',
      "INSERT INTO player_season_stats VALUES (:s, :h, 'FC København', 1, 'Viktor Claesson', 20, 1650, 9, 4, 2, 0), (:s, :a, 'Brøndby IF', 2, 'Ohi Omoijuanfo', 22, 1880, 12, 1, 5, 1), (:s, :h, 'FC København', 3, 'Lukas Lerager', 18, 1400, 1, 6, 7, 0)",
    ],
    goals: ['CREATE TABLE goals (fixture_id INT, minute INT)', 'INSERT INTO goals VALUES (:f, 12), (:f, 30), (:f, 47), (:f, 66), (:f, 88), (:f, 93)'],
    data_freshness: [
      'CREATE TABLE data_freshness (league_id INT, league VARCHAR(191), last_full_sync_at DATETIME(3), last_incremental_sync_at DATETIME(3), last_change_at DATETIME(3), last_live_change_at DATETIME(3), oldest_unsettled_kickoff_at DATETIME(3), unsettled_fixtures INT)',
      "INSERT INTO data_freshness SELECT id, name, '2026-11-23 02:30:00', '2026-11-23 11:55:00', '2026-11-23 11:55:00', NULL, NULL, 0 FROM leagues",
    ],
  };

  beforeAll(async () => {
    if (!sample) throw new Error('no sample database');
    const { league_id, season_id } = await seasonOf('Superliga', '2025/2026');
    const [fixture] = await sql().query<{ fixture_id: number; home: number; away: number }[]>(
      "SELECT fixture_id, home_team_id AS home, away_team_id AS away FROM fixture_results WHERE season_id = ? AND home_team = 'FC København' AND away_team = 'Brøndby IF' AND state = 'FT' ORDER BY starting_at LIMIT 1",
      [season_id],
    );
    if (!fixture) throw new Error('no derby');
    derby = { ...fixture, season_id, league_id };
    const values = { ':f': fixture.fixture_id, ':h': fixture.home, ':a': fixture.away, ':s': season_id };
    await withConnection(sample.filled.database.url, async (c) => {
      for (const [table, statements] of Object.entries(STAND_INS)) {
        const [found] = await c.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [table]);
        if (Number(found?.n) > 0) continue;
        for (const statement of statements) await c.query(statement.replace(/:[fhas]\b/g, (name) => String(values[name as keyof typeof values])));
      }
    });
    dir = await mkdtemp(join(tmpdir(), 'dashboards-detail-'));
    const output = nextBuildDir(dir);
    await buildSite({ databaseUrl: sample.analyst.url, output });
    await publishSite(dir, output);
    app = await buildSiteServer({ sitesDir: dir, logger: { level: 'silent' } });
  });

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function detailPage(path: string): Promise<Visit> {
    if (!app || !browser) throw new Error('no site');
    const url = app.server.listening ? `http://127.0.0.1:${String((app.server.address() as { port: number }).port)}` : await app.listen({ port: 0, host: '127.0.0.1' });
    const found = await visit(browser, `${url}/${path}`);
    expect({ path, consoleErrors: found.consoleErrors, outsideRequests: found.outsideRequests }).toEqual({ path, consoleErrors: [], outsideRequests: [] });
    return found;
  }

  /** Rows of a per-season query for one season, as objects. */
  async function seasonRows(name: string, seasonId: number): Promise<Record<string, unknown>[]> {
    const file = parseSqlFile(name, await readFile(join(DATA_DIR, 'season', '[season]', name), 'utf8'));
    const output = await runQuery(sql(), file);
    if (!output.available) throw new Error(`${name}: not available`);
    return output.rows.map((row) => Object.fromEntries(output.columns.map((c, i) => [c, row[i]]))).filter((r) => r.season_id === seasonId);
  }

  it('match shows the events on a timeline (a dot per event row), both starting elevens and the statistics side by side', async () => {
    const seasonId = derby?.season_id ?? 0;
    const fixtureId = derby?.fixture_id ?? 0;
    const events = (await seasonRows('match-events.json.sql', seasonId)).filter((r) => r.fixture_id === fixtureId);
    const starters = (await seasonRows('match-lineups.json.sql', seasonId)).filter((r) => r.fixture_id === fixtureId && Number(r.starting_xi) === 1);
    const statistics = (await seasonRows('match-statistics.json.sql', seasonId)).filter((r) => r.fixture_id === fixtureId);
    const { page } = await detailPage(`match/${seasonId}?fixture=${fixtureId}`);
    try {
      expect(await texts(page, '.not-yet')).toEqual([]);
      expect(events.length).toBeGreaterThan(0);
      expect(await page.$$('svg g.match-events circle')).toHaveLength(events.length);
      expect(await texts(page, '.lineup li')).toEqual(
        [derby?.home, derby?.away].flatMap((team) => starters.filter((r) => r.team_id === team).map((r) => `${String(r.jersey_number)} ${String(r.player)}`)),
      );
      const measures = ['possession', 'shots', 'shots_on_target', 'corners', 'fouls'];
      expect(await page.$$('svg g.match-statistics rect')).toHaveLength(statistics.flatMap((r) => measures.filter((m) => r[m] !== null)).length);
    } finally {
      await page.close();
    }
  });

  it('players ranks scorers, assisters, minutes and cards: a bar per player of the ranking', async () => {
    const seasonId = derby?.season_id ?? 0;
    const players = await seasonRows('player-season-stats.json.sql', seasonId);
    const { page } = await detailPage(`players/${seasonId}`);
    try {
      expect(await texts(page, '.not-yet')).toEqual([]);
      expect(await page.$$('main svg g[aria-label="bar"]')).toHaveLength(4);
      const scorers = players.filter((p) => Number(p.goals) > 0);
      expect(await page.$$eval('main .card:first-child svg g[aria-label="bar"] rect', (bars) => bars.length)).toBe(Math.min(15, scorers.length));
      const topGoals = scorers.map((p) => Number(p.goals)).sort((a, b) => b - a).slice(0, 3).map(String);
      expect((await texts(page, 'main .card:first-child svg g[aria-label="text"] text')).slice(0, 3)).toEqual(topGoals);
    } finally {
      await page.close();
    }
  });

  it('trends draws goals by minute band, and data-health the data_freshness view', async () => {
    const bands = new Set((await queryRows('goals-by-minute.json.sql')).filter((r) => r[0] === derby?.league_id).map((r) => r[2]));
    const trends = await detailPage(`trends?league=${derby?.league_id ?? 0}`);
    try {
      expect(bands.size).toBeGreaterThan(0);
      expect(await trends.page.$$('svg g.goals-by-minute rect')).toHaveLength(bands.size);
    } finally {
      await trends.page.close();
    }
    const health = await detailPage('data-health');
    try {
      expect(await texts(health.page, 'table.freshness th')).toEqual(['League', 'Last full sync', 'Last incremental sync', 'Last change', 'Last live change', 'Unsettled fixtures']);
      const [leagues] = await sql().query<{ n: number }[]>('SELECT COUNT(*) AS n FROM data_freshness');
      expect(await health.page.$$('table.freshness tbody tr')).toHaveLength(Number(leagues?.n));
    } finally {
      await health.page.close();
    }
  });
});
