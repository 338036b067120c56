// Which match-detail includes fixture calls carry: the configured ones, less those the SportMonks
// plan turned out to lack (403 with code 5002 names the include; the whole request fails, so the
// call is made again without it). Kept for the process's life and shown on GET /rate-limits.
import { DETAIL_INCLUDES, type DetailInclude, type DetailKind } from '@insightxi/contracts';
import type { Lane } from './upstream/limiter.ts';

/** The detail kind each include brings; the people includes bring records of their own (players, referees). */
const KIND_OF: Partial<Record<DetailInclude, DetailKind>> = {
  events: 'events',
  lineups: 'lineups',
  'lineups.details': 'lineupDetails',
  statistics: 'statistics',
  referees: 'referees',
  formations: 'formations',
};

/** SportMonks' code for an include the plan does not cover. */
export const INSUFFICIENT_INCLUDES = 5002;
/** SportMonks' code for a request whose includes add up past the endpoint's complexity threshold (HTTP 422). */
export const QUERY_TOO_COMPLEX = 5004;

/**
 * What a call too complex for SportMonks gives up first: the nested people (the stub steps fetch
 * them by id instead), then the per-player statistics. The kinds themselves are never given up.
 */
const NESTED_PEOPLE: readonly DetailInclude[] = ['lineups.player', 'referees.referee'];
const SHEDDABLE: readonly (readonly DetailInclude[])[] = [NESTED_PEOPLE, ['lineups.details']];

export function isDetailInclude(name: string): name is DetailInclude {
  return (DETAIL_INCLUDES as readonly string[]).includes(name);
}

export interface DetailIncludesOptions {
  clock?: () => Date;
  /** Told once per include the plan turns out to lack. */
  onRefused?: (include: DetailInclude, upstreamMessage: string | null) => void;
}

export class DetailIncludes {
  private readonly configured: readonly DetailInclude[];
  private readonly refused = new Map<DetailInclude, string>();

  constructor(
    configured: readonly DetailInclude[],
    private readonly options: DetailIncludesOptions = {},
  ) {
    this.configured = configured;
  }

  /**
   * What a detail call asks for now. A live-lane call leaves the nested people out: the matches
   * the poller follows have players known by then (squads, full syncs), and describing every
   * lineup's players on each poll made its pages several times heavier (live p95 5.0 → 11.6 s);
   * a newcomer lands as a stub and the next run fetches him.
   */
  active(lane: Lane = 'sweep'): DetailInclude[] {
    return this.configured.filter((include) => !this.refused.has(include) && (lane === 'sweep' || !NESTED_PEOPLE.includes(include)));
  }

  /** The detail kinds a call with `includes` brings back (lineup details only with their lineups). */
  static kinds(includes: readonly DetailInclude[]): DetailKind[] {
    return includes.filter((i) => i !== 'lineups.details' || includes.includes('lineups')).flatMap((i) => KIND_OF[i] ?? []);
  }

  /**
   * Takes SportMonks' 5002 refusal of a call that asked for `asked`: drops the include it names,
   * or every detail include when it names none of them. Returns what was dropped (empty: not ours).
   */
  refuse(message: string | null, asked: readonly DetailInclude[]): DetailInclude[] {
    const named = /'([^']+)'\s+include/i.exec(message ?? '')?.[1]?.toLowerCase();
    const match = asked.filter((include) => named !== undefined && (include === named || include.split('.').at(-1) === named));
    const dropped = match.length > 0 ? match : [...asked];
    // A nested include goes with its parent: without lineups there is nothing to hang their details or players on.
    for (const include of asked) if (dropped.some((parent) => include.startsWith(`${parent}.`))) dropped.push(include);
    const unique = [...new Set(dropped)];
    this.drop(unique, message);
    return unique;
  }

  /**
   * Takes SportMonks' 5004 (too complex) for a call that asked for `asked`: drops the first
   * sheddable group it still asks for. Returns what was dropped (empty: nothing left to shed).
   */
  shed(message: string | null, asked: readonly DetailInclude[]): DetailInclude[] {
    const group = SHEDDABLE.map((includes) => includes.filter((include) => asked.includes(include))).find((includes) => includes.length > 0) ?? [];
    this.drop(group, message);
    return group;
  }

  private drop(includes: readonly DetailInclude[], message: string | null): void {
    const since = (this.options.clock?.() ?? new Date()).toISOString();
    for (const include of includes) {
      if (this.refused.has(include)) continue;
      this.refused.set(include, since);
      this.options.onRefused?.(include, message);
    }
  }

  unavailable(): { include: DetailInclude; since: string }[] {
    return [...this.refused].map(([include, since]) => ({ include, since }));
  }
}
