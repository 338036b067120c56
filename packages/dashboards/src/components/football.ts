// Small football facts the pages share: result colours, labels for fixtures and minute bands,
// home/away summaries. Plain functions, so they are tested without a browser.

/** Win, draw, loss: one colour scale for every chart and the form column. */
export const RESULTS = { domain: ['W', 'D', 'L'], range: ['#2e8540', '#9aa0a6', '#c0392b'] } as const;

export function resultColor(result: string): string {
  const i = RESULTS.domain.indexOf(result as 'W' | 'D' | 'L');
  return i < 0 ? '#d0d4d8' : RESULTS.range[i] ?? '#d0d4d8';
}

/** "WDLWW" as its letters; an unknown letter keeps its place (grey). */
export function formLetters(form: string | null | undefined): string[] {
  return Array.from(form ?? '');
}

export interface Fixture {
  fixture_id: number;
  starting_at: Date;
  home_team_id: number | null;
  away_team_id: number | null;
  home_goals: number | null;
  away_goals: number | null;
  state: string;
}

const FINISHED = new Set(['FT', 'AET', 'FT_PEN']);

export function isFinished(fixture: Pick<Fixture, 'state'>): boolean {
  return FINISHED.has(fixture.state);
}

/** "2–1", or "–" before kick-off. */
export function score(home: number | null, away: number | null): string {
  return home === null || away === null ? '–' : `${home}–${away}`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** "2025-09-14  FC København 3–3 Brøndby IF" for the fixture picker. */
export function fixtureLabel(fixture: Fixture, teamName: (id: number | null) => string): string {
  return `${day(fixture.starting_at)}  ${teamName(fixture.home_team_id)} ${score(fixture.home_goals, fixture.away_goals)} ${teamName(fixture.away_team_id)}`;
}

/** The fixture in the address when the season has it, else the season's latest finished one, else its first. */
export function pickFixture(fixtures: Fixture[], asked: number | null): number | null {
  if (asked !== null && fixtures.some((f) => f.fixture_id === asked)) return asked;
  const finished = fixtures.filter(isFinished);
  return (finished.at(-1) ?? fixtures[0])?.fixture_id ?? null;
}

/** "1–15", "16–30" … "76–90", and "90+" for stoppage and extra time. */
export function minuteBand(start: number): string {
  return start > 90 ? '90+' : `${start}–${start + 14}`;
}

export interface TeamMatch {
  venue: string;
  goals_for: number;
  goals_against: number;
  result: string;
}

export interface VenueSummary {
  venue: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  points_per_match: number;
  goals_for_per_match: number;
  goals_against_per_match: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A team's home and away record side by side (home first). */
export function venueSummary(matches: TeamMatch[]): VenueSummary[] {
  return ['home', 'away'].map((venue) => {
    const at = matches.filter((m) => m.venue === venue);
    const count = (result: string) => at.filter((m) => m.result === result).length;
    const played = at.length;
    const per = (total: number) => (played === 0 ? 0 : round2(total / played));
    return {
      venue,
      played,
      won: count('W'),
      drawn: count('D'),
      lost: count('L'),
      points_per_match: per(3 * count('W') + count('D')),
      goals_for_per_match: per(at.reduce((sum, m) => sum + m.goals_for, 0)),
      goals_against_per_match: per(at.reduce((sum, m) => sum + m.goals_against, 0)),
    };
  });
}

/** One row per match and series ("goals for", "goals against"), for a two-line chart. */
export function goalSeries<T extends { goals_for: number; goals_against: number }>(matches: T[]): (T & { series: string; goals: number; match: number })[] {
  return matches.flatMap((m, i) => [
    { ...m, series: 'goals for', goals: m.goals_for, match: i + 1 },
    { ...m, series: 'goals against', goals: m.goals_against, match: i + 1 },
  ]);
}

/**
 * Label positions for values that may sit too close to read (line ends at the same points): each
 * label at least `gap` below the one above it, in the values' own units, top first.
 */
export function spreadLabels<K>(items: { key: K; value: number }[], gap: number): Map<K, number> {
  const placed = new Map<K, number>();
  let previous = Infinity;
  for (const item of [...items].sort((a, b) => b.value - a.value)) {
    const at = Math.min(item.value, previous - gap);
    placed.set(item.key, at);
    previous = at;
  }
  return placed;
}

/** Every other finished fixture between the same two teams (before or after), either way round, latest first. */
export function meetings<T extends Fixture>(fixtures: T[], fixture: T): T[] {
  const pair = new Set([fixture.home_team_id, fixture.away_team_id]);
  return fixtures
    .filter((f) => f.fixture_id !== fixture.fixture_id && isFinished(f) && f.home_team_id !== f.away_team_id && pair.has(f.home_team_id) && pair.has(f.away_team_id))
    .sort((a, b) => b.starting_at.getTime() - a.starting_at.getTime());
}
