// The dashboards, in sidebar order: the site's navigation, the screenshots and the browser checks
// all come from this list.
export interface DashboardPage {
  /** URL path without the leading slash; the Markdown file is src/<path>.md. */
  path: string;
  name: string;
  /**
   * One page per season at <path>/<season id> (src/<path>/[season].md, reading data/season/<id>/),
   * so its data does not grow with history; <path> itself is where a league and season are picked.
   */
  perSeason: boolean;
}

export const PAGES: readonly DashboardPage[] = [
  { path: 'league-table', name: 'League table', perSeason: true },
  { path: 'team', name: 'Team', perSeason: true },
  { path: 'match', name: 'Match', perSeason: true },
  { path: 'players', name: 'Players', perSeason: true },
  { path: 'trends', name: 'Trends', perSeason: false },
  { path: 'data-health', name: 'Data health', perSeason: false },
];

/** Every season page Framework must build (its dynamicPaths): /<page>/<season id>. */
export function seasonPagePaths(seasonIds: number[]): string[] {
  return PAGES.filter((page) => page.perSeason).flatMap((page) => seasonIds.map((id) => `/${page.path}/${String(id)}`));
}
