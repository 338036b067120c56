// The league and season filters every page has, kept in the address (?league=…&season=…) so that a
// view can be linked and survives a reload.

export interface SeasonOption {
  league_id: number;
  league: string;
  season_id: number;
  season: string;
  is_current: number | boolean;
}

/** League name → id, alphabetical. */
export function leagueChoices(seasons: SeasonOption[]): Map<string, number> {
  const leagues = new Map<string, number>();
  for (const s of [...seasons].sort((a, b) => a.league.localeCompare(b.league))) leagues.set(s.league, s.league_id);
  return leagues;
}

/** Season name → id for one league, newest first (the order the query gives). */
export function seasonChoices(seasons: SeasonOption[], leagueId: number): Map<string, number> {
  return new Map(seasons.filter((s) => s.league_id === leagueId).map((s) => [s.season, s.season_id]));
}

function numberParam(params: URLSearchParams, name: string): number | null {
  const value = Number(params.get(name) ?? '');
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** The league in the address when there is one with data, else the first alphabetically. */
export function pickLeague(seasons: SeasonOption[], params: URLSearchParams): number | null {
  const asked = numberParam(params, 'league');
  if (asked !== null && seasons.some((s) => s.league_id === asked)) return asked;
  return leagueChoices(seasons).values().next().value ?? null;
}

/** The season in the address when it belongs to the league, else the league's current season, else its newest. */
export function pickSeason(seasons: SeasonOption[], leagueId: number | null, params: URLSearchParams): number | null {
  const ofLeague = seasons.filter((s) => s.league_id === leagueId);
  const asked = numberParam(params, 'season');
  if (asked !== null && ofLeague.some((s) => s.season_id === asked)) return asked;
  return (ofLeague.find((s) => Boolean(s.is_current)) ?? ofLeague[0])?.season_id ?? null;
}

/** The query string with these values set (null removes one), for history.replaceState. */
export function withParams(search: string, values: Record<string, number | string | null>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(values)) {
    if (value === null) params.delete(name);
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '?' : `?${text}`;
}

/** The choices with an "all" entry first; its value is null. */
export function withAll<T>(choices: Map<string, T>, label: string): Map<string, T | null> {
  return new Map<string, T | null>([[label, null], ...choices]);
}

/** Distinct season names ("2025/2026") of one league or of all (null), newest first. */
export function seasonNames(seasons: SeasonOption[], leagueId: number | null): string[] {
  const names = seasons.filter((s) => leagueId === null || s.league_id === leagueId).map((s) => s.season);
  return [...new Set(names)].sort((a, b) => b.localeCompare(a));
}

/**
 * Where a season page of the same kind lives, seen from a season page (/match/123 → ./456): the
 * address's other choices kept, the league and season dropped (the path says them).
 */
export function seasonHref(seasonId: number | null, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('league');
  params.delete('season');
  const text = params.toString();
  return `./${seasonId ?? ''}${text === '' ? '' : `?${text}`}`;
}

/** The league a season belongs to, or null when the season is not known. */
export function leagueOf(seasons: SeasonOption[], seasonId: number): number | null {
  return seasons.find((s) => s.season_id === seasonId)?.league_id ?? null;
}
