// Match detail on demand: built per fixture when first asked for (a bounded cache keeps the
// recent ones), cut to what the simulated clock has reached, and summed into top scorers.
import { Phase, type FixtureRec, type SeasonRec } from '../model.ts';
import { STATE } from '../states.ts';
import { MINUTE } from '../time.ts';
import type { World } from '../world.ts';
import { buildMatch, type EventRow, type MatchDetail } from './match.ts';
import { People } from './people.ts';
import { EVENT, TOPSCORER } from './type-ids.ts';

/** How much of a fixture's detail the clock has reached. */
export interface Progress {
  lineups: boolean;
  events: EventRow[];
  /** 0 before kick-off … 1 at full time: how much of the team statistics has accrued. */
  share: number;
  /** Player statistics (lineups.details) come at full time. */
  playerStats: boolean;
}

export interface TopscorerRow {
  seasonId: number;
  typeId: number;
  position: number;
  playerId: number;
  teamId: number;
  total: number;
}

const NOTHING: Progress = { lineups: false, events: [], share: 0, playerStats: false };
const LINEUPS_BEFORE_KICKOFF_MS = 60 * MINUTE;
const CACHE_SIZE = 4096;
const TOP = 25;
/** Topscorer types in the order the list serves them. */
export const TOPSCORER_TYPES = [TOPSCORER.GOALS, TOPSCORER.ASSISTS, TOPSCORER.YELLOWCARDS, TOPSCORER.REDCARDS] as const;

/** Minutes of play an offset from kick-off stands for (breaks count none; extra time after 110). */
function playedMinutes(offsetMs: number): number {
  const minutes = offsetMs / MINUTE;
  if (minutes < 47) return Math.min(45, minutes);
  if (minutes < 62) return 45;
  if (minutes < 110) return Math.min(90, 45 + (minutes - 62));
  return Math.min(120, 90 + (minutes - 110));
}

export class MatchDetails {
  readonly people: People;
  private readonly cache = new Map<FixtureRec, MatchDetail | null>();
  private readonly topscorers = new WeakMap<SeasonRec, { version: number; rows: TopscorerRow[] }>();

  constructor(private readonly world: World) {
    this.people = new People(world.seed, world.leagues, world.teams);
  }

  detail(f: FixtureRec): MatchDetail | null {
    let detail = this.cache.get(f);
    if (detail === undefined) {
      detail = f.erroneous ? null : buildMatch(this.world.seed, f, this.people);
      if (this.cache.size >= CACHE_SIZE) {
        const oldest = this.cache.keys().next();
        if (!oldest.done) this.cache.delete(oldest.value);
      }
    } else this.cache.delete(f);
    this.cache.set(f, detail);
    return detail;
  }

  progress(f: FixtureRec, detail: MatchDetail): Progress {
    if (f.deleted || f.placeholderIds !== null) return NOTHING;
    if (f.phase === Phase.None) {
      const soon = f.stateId === STATE.NS && this.world.tickedAt() >= f.kickoffMs - LINEUPS_BEFORE_KICKOFF_MS;
      return soon ? { ...NOTHING, lineups: true } : NOTHING;
    }
    const finished = f.phase === Phase.Finished;
    const sinceKickoff = this.world.tickedAt() - f.kickoffMs;
    const elapsed = finished ? Number.POSITIVE_INFINITY : sinceKickoff;
    const events = detail.events
      .filter((e) => e.atMs <= elapsed && (e.untilMs === null || elapsed < e.untilMs))
      .map((e) => (e.correctedAtMs !== null && sinceKickoff >= e.correctedAtMs ? { ...e, minute: e.minute + 1 } : e));
    return { lineups: true, events, share: finished ? 1 : Math.min(1, playedMinutes(elapsed) / (f.decider ? 120 : 90)), playerStats: finished };
  }

  /** Goals, assists, yellow and red cards of the season's finished fixtures, top 25 of each. */
  seasonTopscorers(season: SeasonRec): TopscorerRow[] {
    const cached = this.topscorers.get(season);
    if (cached?.version === season.version) return cached.rows;
    const totals = new Map<number, Map<number, { teamId: number; total: number }>>(TOPSCORER_TYPES.map((t) => [t, new Map()]));
    const add = (typeId: number, playerId: number, teamId: number): void => {
      const byPlayer = totals.get(typeId);
      const entry = byPlayer?.get(playerId);
      if (entry) entry.total++;
      else byPlayer?.set(playerId, { teamId, total: 1 });
    };
    for (const f of season.fixtures) {
      if (f.deleted || f.phase !== Phase.Finished) continue;
      const detail = this.detail(f);
      if (!detail) continue;
      for (const e of this.progress(f, detail).events) {
        if (e.typeId === EVENT.GOAL || e.typeId === EVENT.PENALTY) {
          add(TOPSCORER.GOALS, e.player.id, e.teamId);
          if (e.related) add(TOPSCORER.ASSISTS, e.related.id, e.teamId);
        } else if (e.typeId === EVENT.YELLOWCARD) add(TOPSCORER.YELLOWCARDS, e.player.id, e.teamId);
        else if (e.typeId === EVENT.REDCARD || e.typeId === EVENT.YELLOWREDCARD) add(TOPSCORER.REDCARDS, e.player.id, e.teamId);
      }
    }
    const rows: TopscorerRow[] = [];
    for (const typeId of TOPSCORER_TYPES) {
      const ranked = [...(totals.get(typeId) ?? new Map<number, { teamId: number; total: number }>()).entries()]
        .sort((a, b) => b[1].total - a[1].total || a[0] - b[0])
        .slice(0, TOP);
      for (const [i, [playerId, { teamId, total }]] of ranked.entries()) {
        rows.push({ seasonId: season.id, typeId, position: i + 1, playerId, teamId, total });
      }
    }
    this.topscorers.set(season, { version: season.version, rows });
    return rows;
  }
}
