// Ground truth for match detail and people: exactly what the API serves at this moment.
import type { IncludeTree } from '../includes.ts';
import { Phase } from '../model.ts';
import type { Serializer } from '../serialize.ts';
import type { World } from '../world.ts';
import type { PlayerApi, RefereeApi } from './people.ts';
import type { MatchDetails } from './store.ts';
import { cancelledGoal, minuteCorrectionAtMs } from './var.ts';

export interface DetailDatasetOptions {
  /** Add `lineups.details` (about 300 rows a fixture). Default false. */
  lineupDetails?: boolean;
  /** Only these fixtures (default: every fixture not deleted). */
  fixtureIds?: number[];
}

export interface DetailDataset {
  now: string;
  /** Each fixture with `events`, `lineups`, `statistics`, `formations` and `referees` as the fixture includes serve them now. */
  fixtures: Record<string, unknown>[];
  players: PlayerApi[];
  /** As `/squads/seasons/{season_id}/teams/{team_id}` serves them. */
  squads: { season_id: number; team_id: number; rows: Record<string, unknown>[] }[];
  referees: RefereeApi[];
  /** As `/topscorers/seasons/{season_id}` serves them (every page). */
  topscorers: { season_id: number; rows: Record<string, unknown>[] }[];
  /** Goals VAR will cancel, still ahead of the clock: the score shows them from `scored_at` until `cancelled_at`. */
  varCancellations: { fixture_id: number; scored_at: string; cancelled_at: string }[];
  /** Fixtures whose events change after the match, still ahead of the clock: a yellow card's minute moves one later at `at`. */
  minuteCorrections: { fixture_id: number; at: string }[];
}

const leaf = (): { fields: null; children: IncludeTree } => ({ fields: null, children: new Map() });
const NONE: IncludeTree = new Map();
const parse = (json: string): Record<string, unknown> => JSON.parse(json) as Record<string, unknown>;

export function detailSnapshot(world: World, ser: Serializer, details: MatchDetails, options: DetailDatasetOptions = {}): DetailDataset {
  const lineups = options.lineupDetails ? { fields: null, children: new Map([['details', leaf()]]) } : leaf();
  const tree: IncludeTree = new Map([
    ['events', leaf()],
    ['lineups', lineups],
    ['statistics', leaf()],
    ['formations', leaf()],
    ['referees', leaf()],
  ]);
  const wanted = options.fixtureIds ? new Set(options.fixtureIds) : null;
  const fixtures = world.fixtures.filter((f) => !f.deleted && (wanted === null || wanted.has(f.id)));
  const now = world.tickedAt();
  const varCancellations: DetailDataset['varCancellations'] = [];
  const minuteCorrections: DetailDataset['minuteCorrections'] = [];
  for (const f of world.fixtures) {
    if (f.deleted) continue;
    const cancelled = f.phase === Phase.Finished ? null : cancelledGoal(world.seed, f);
    if (cancelled && f.kickoffMs + cancelled.cancelledAtMs > now) {
      varCancellations.push({ fixture_id: f.id, scored_at: iso(f.kickoffMs + cancelled.scoredAtMs), cancelled_at: iso(f.kickoffMs + cancelled.cancelledAtMs) });
    }
    const correctedAt = minuteCorrectionAtMs(world.seed, f);
    const card = correctedAt !== null && f.kickoffMs + correctedAt > now ? details.detail(f)?.events.find((e) => e.correctedAtMs !== null) : undefined;
    if (card && correctedAt !== null) minuteCorrections.push({ fixture_id: f.id, at: iso(f.kickoffMs + correctedAt) });
  }
  return {
    now: new Date(now).toISOString(),
    fixtures: fixtures.map((f) => ({ id: f.id, ...pickDetail(parse(ser.fixture(f, tree))) })),
    players: world.leagues.flatMap((l) => details.people.players(l)),
    squads: world.seasons.flatMap((s) =>
      s.teamIds.map((teamId) => ({ season_id: s.id, team_id: teamId, rows: (details.people.squad(s, teamId) ?? []).map((e) => parse(ser.detail.squadRow(e, NONE, false))) })),
    ),
    referees: world.leagues.flatMap((l) => details.people.referees(l)),
    topscorers: world.seasons.map((s, i) => ({ season_id: s.id, rows: details.seasonTopscorers(s).map((row) => parse(ser.detail.topscorer(row, s, i, NONE))) })),
    varCancellations,
    minuteCorrections,
  };
}

function pickDetail(fixture: Record<string, unknown>): Record<string, unknown> {
  const { events, lineups, statistics, formations, referees } = fixture;
  return { events, lineups, statistics, formations, referees };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

