// The dashboards, in sidebar order: the site's navigation, the screenshots and the browser checks
// all come from this list.
export interface DashboardPage {
  /** URL path without the leading slash; the Markdown file is src/<path>.md. */
  path: string;
  name: string;
}

export const PAGES: readonly DashboardPage[] = [
  { path: 'league-table', name: 'League table' },
  { path: 'team', name: 'Team' },
  { path: 'match', name: 'Match' },
  { path: 'players', name: 'Players' },
  { path: 'trends', name: 'Trends' },
  { path: 'data-health', name: 'Data health' },
];
