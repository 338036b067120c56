// The screenshots in docs/analysts.md: every page of the site, as a reader sees it, with the
// filters on views that show what the page is for (a finished season, a derby).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from 'mariadb';
import type { Browser } from 'puppeteer-core';
import { rendered, visit } from './browser.ts';
import { PAGES } from './pages.ts';

export interface Shot {
  /** The picture's name: the dashboard's path (league-table.png). */
  name: string;
  /** What to open: "league-table/23614?stage=…", "trends". */
  path: string;
}

/** Ids of the sample views, looked up by name (the simulator's ids follow from its seed). */
export async function sampleShots(connection: Connection): Promise<Shot[]> {
  const [season] = await connection.query<{ season_id: number }[]>(
    "SELECT s.id AS season_id FROM seasons s JOIN leagues l ON l.id = s.league_id WHERE l.name = 'Superliga' AND s.name = '2025/2026'",
  );
  const [derby] = await connection.query<{ fixture_id: number; team_id: number }[]>(
    `SELECT fixture_id, home_team_id AS team_id FROM fixture_results
      WHERE season_id = ? AND home_team = 'FC København' AND away_team = 'Brøndby IF' ORDER BY starting_at LIMIT 1`,
    [season?.season_id ?? 0],
  );
  const extra: Record<string, string> = derby ? { team: `?team=${derby.team_id}`, match: `?fixture=${derby.fixture_id}` } : {};
  // A season page of each per-season dashboard (its landing page when the sample has no such season).
  return PAGES.map((page) => ({
    name: page.path,
    path: page.perSeason ? (season ? `${page.path}/${season.season_id}${extra[page.path] ?? ''}` : `${page.path}/`) : page.path,
  }));
}

/** One full-page PNG per shot in `dir`; fails on a page with a console error or an outside request. */
export async function takeScreenshots(browser: Browser, siteUrl: string, dir: string, shots: Shot[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const shot of shots) {
    const { page, consoleErrors, outsideRequests } = await visit(browser, `${siteUrl}/${shot.path}`, { width: 1280, height: 900 });
    try {
      if (consoleErrors.length > 0 || outsideRequests.length > 0) {
        throw new Error(`${shot.path}: ${[...consoleErrors, ...outsideRequests.map((u) => `request to ${u}`)].join('; ')}`);
      }
      // The whole page in one viewport (the sidebar spans it), same width: charts keep their size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ width: 1280, height });
      await rendered(page);
      const path = `${join(dir, shot.name)}.png` as const;
      await page.screenshot({ path });
      written.push(path);
    } finally {
      await page.close();
    }
  }
  return written;
}
