// The landing page of a per-season dashboard (/league-table/, /team/ …): a league to pick, and its
// seasons as links to their pages (/league-table/<season id>), newest first.
// Type-only: Framework serves each component to the browser as it is, and a page's imports end in .js.
import type { SeasonOption } from './filters.ts';

export interface SeasonLink {
  season: string;
  href: string;
  current: boolean;
}

/** Links relative to the landing page (/team/ → ./<season id>); the address's other choices (team, fixture) go along. */
export function seasonLinks(seasons: SeasonOption[], leagueId: number | null, search: string): SeasonLink[] {
  const rest = new URLSearchParams(search);
  rest.delete('league');
  rest.delete('season');
  const query = rest.toString() === '' ? '' : `?${rest.toString()}`;
  return seasons
    .filter((s) => s.league_id === leagueId)
    .map((s) => ({ season: s.season, href: `./${String(s.season_id)}${query}`, current: Boolean(s.is_current) }));
}
