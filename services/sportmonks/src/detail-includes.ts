// Which match-detail includes fixture calls carry: the configured ones, less those the SportMonks
// plan turned out to lack (403 with code 5002 names the include; the whole request fails, so the
// call is made again without it). Kept for the process's life and shown on GET /rate-limits.
import { DETAIL_INCLUDES, type DetailInclude, type DetailKind } from '@insightxi/contracts';

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

  /** What a detail call asks for now. */
  active(): DetailInclude[] {
    return this.configured.filter((include) => !this.refused.has(include));
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
    const since = (this.options.clock?.() ?? new Date()).toISOString();
    for (const include of dropped) {
      if (this.refused.has(include)) continue;
      this.refused.set(include, since);
      this.options.onRefused?.(include, message);
    }
    return [...new Set(dropped)];
  }

  unavailable(): { include: DetailInclude; since: string }[] {
    return [...this.refused].map(([include, since]) => ({ include, since }));
  }
}
