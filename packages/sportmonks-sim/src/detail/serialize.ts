// Match detail, people and top scorers as SportMonks shapes them
// (shared/docs/sportmonks-details.md §3, §4, §5, §8).
import { COUNTRIES, TYPES } from '../core.ts';
import type { IncludeTree } from '../includes.ts';
import type { FixtureRec, SeasonRec, TeamRec } from '../model.ts';
import { hash32 } from '../random.ts';
import type { MatchDetail, PlayerLine } from './match.ts';
import type { PlayerApi, RefereeApi, SquadEntry } from './people.ts';
import { TOPSCORER_TYPES, type MatchDetails, type Progress, type TopscorerRow } from './store.ts';
import { EVENT, SCORING_EVENTS, STAT } from './type-ids.ts';

const STATISTIC_ID_BASE = 413_000_000;
const LINEUP_DETAIL_ID_BASE = 20_000_000_000;
const FORMATION_ID_BASE = 7_000_000;
const TOPSCORER_ID_BASE = 1_000_000_000;

/** The fixture includes this module answers. */
export const DETAIL_INCLUDES = ['events', 'lineups', 'formations', 'statistics', 'referees'] as const;

type TeamJson = (team: TeamRec, tree: IncludeTree) => string;

const NO_TREE: IncludeTree = new Map();
const TYPE_JSON = new Map(TYPES.map((t) => [t.id, JSON.stringify(t)]));
const COUNTRY_JSON = new Map(COUNTRIES.map((c) => [c.id, JSON.stringify(c)]));

const sub = (tree: IncludeTree, name: string): IncludeTree => tree.get(name)?.children ?? NO_TREE;

/** `,"type":{…}` when the include asks for the row's type (from /core/types). */
function typePart(tree: IncludeTree, typeId: number): string {
  return tree.has('type') ? `,"type":${TYPE_JSON.get(typeId) ?? 'null'}` : '';
}

function withParts(objectJson: string, parts: string): string {
  return parts === '' ? objectJson : `${objectJson.slice(0, -1)}${parts}}`;
}

export class DetailSerializer {
  constructor(
    private readonly details: MatchDetails,
    private readonly teams: Map<number, TeamRec>,
    private readonly teamJson: TeamJson,
    private readonly seed: number,
  ) {}

  /** `,"<include>":[…]` for a detail include of a fixture, or '' when `name` is not one. */
  fixturePart(f: FixtureRec, name: string, tree: IncludeTree): string {
    if (!(DETAIL_INCLUDES as readonly string[]).includes(name)) return '';
    const detail = this.details.detail(f);
    const progress: Progress | null = detail ? this.details.progress(f, detail) : null;
    if (!detail || !progress) return `,"${name}":[]`;
    switch (name) {
      case 'events':
        return `,"events":[${this.events(f, progress, tree).join(',')}]`;
      case 'lineups':
        return `,"lineups":[${progress.lineups ? this.lineups(f, detail, progress, tree).join(',') : ''}]`;
      case 'formations':
        return `,"formations":[${progress.lineups ? this.formations(f, detail).join(',') : ''}]`;
      case 'statistics':
        return `,"statistics":[${progress.share > 0 ? this.statistics(f, detail, progress, tree).join(',') : ''}]`;
      default:
        return `,"referees":[${this.fixtureReferees(f, detail, tree).join(',')}]`;
    }
  }

  /** Served in an order of their own (neither chronological nor by id), as upstream does. */
  private events(f: FixtureRec, progress: Progress, tree: IncludeTree): string[] {
    const shuffled = [...progress.events].sort((a, b) => hash32(this.seed, a.id) - hash32(this.seed, b.id));
    return shuffled.map((e) => {
      const json = JSON.stringify({
        id: e.id,
        fixture_id: f.id,
        period_id: e.periodId,
        participant_id: e.teamId,
        type_id: e.typeId,
        section: 'event',
        player_id: e.player.id,
        related_player_id: e.related?.id ?? null,
        player_name: e.player.display_name,
        related_player_name: e.related?.display_name ?? null,
        result: e.result,
        info: e.info,
        addition: e.addition,
        minute: e.minute,
        extra_minute: e.extraMinute,
        injured: null,
        on_bench: false,
        coach_id: null,
        sub_type_id: null,
        detailed_period_id: e.periodId,
        sort_order: e.sortOrder,
      });
      return withParts(json, (tree.has('player') ? `,"player":${this.player(e.player, sub(tree, 'player'))}` : '') + typePart(tree, e.typeId));
    });
  }

  private lineups(f: FixtureRec, detail: MatchDetail, progress: Progress, tree: IncludeTree): string[] {
    const lines = new Map<number, { line: PlayerLine; index: number }>(detail.lines.map((line, index) => [line.lineup.id, { line, index }]));
    return detail.lineups.map((row) => {
      const json = JSON.stringify({
        id: row.id,
        sport_id: 1,
        fixture_id: f.id,
        player_id: row.player.id,
        team_id: row.teamId,
        position_id: row.positionId,
        formation_field: row.formationField,
        type_id: row.typeId,
        formation_position: row.formationPosition,
        player_name: row.player.display_name,
        jersey_number: row.jersey,
      });
      let parts = '';
      if (tree.has('player')) parts += `,"player":${this.player(row.player, sub(tree, 'player'))}`;
      if (tree.has('details')) {
        const played = progress.playerStats ? lines.get(row.id) : undefined;
        const detailTree = tree.get('details')?.children ?? NO_TREE;
        parts += `,"details":[${played ? this.lineupDetails(f, played.line, played.index, detailTree).join(',') : ''}]`;
      }
      return withParts(json, parts);
    });
  }

  /** One row per statistic the player has; zero values are left out, as SportMonks does. */
  private lineupDetails(f: FixtureRec, line: PlayerLine, index: number, tree: IncludeTree): string[] {
    const row = line.lineup;
    const values: [number, number][] = [
      [STAT.MINUTES_PLAYED, line.minutes],
      [STAT.RATING, line.rating],
      [STAT.PASSES, line.passes],
      [STAT.SUCCESSFUL_PASSES, line.successfulPasses],
      [STAT.SHOTS_TOTAL, line.shotsOnTarget + line.shotsOffTarget + line.shotsBlocked],
      [STAT.SHOTS_ON_TARGET, line.shotsOnTarget],
      [STAT.GOALS, line.goals],
      [STAT.ASSISTS, line.assists],
      [STAT.FOULS, line.fouls],
      [STAT.YELLOWCARDS, line.yellowCards],
      [STAT.REDCARDS, line.redCards],
      [STAT.YELLOWRED_CARDS, line.yellowRedCards],
      [STAT.SAVES, line.saves],
    ];
    const out: string[] = [];
    for (const [k, [typeId, value]] of values.entries()) {
      if (value === 0) continue;
      const id = LINEUP_DETAIL_ID_BASE + f.index * 1000 + index * 20 + k;
      out.push(`{"id":${String(id)},"fixture_id":${String(f.id)},"player_id":${String(row.player.id)},"team_id":${String(row.teamId)},"lineup_id":${String(row.id)},"type_id":${String(typeId)},"data":{"value":${String(value)}}${typePart(tree, typeId)}}`);
    }
    return out;
  }

  private formations(f: FixtureRec, detail: MatchDetail): string[] {
    return detail.formations.map((formation, i) =>
      JSON.stringify({ id: FORMATION_ID_BASE + f.index * 2 + i, fixture_id: f.id, participant_id: i === 0 ? f.homeId : f.awayId, formation, location: i === 0 ? 'home' : 'away' }),
    );
  }

  /** Team statistics so far: sums over the players, scaled by the share of the match played. */
  private statistics(f: FixtureRec, detail: MatchDetail, progress: Progress, tree: IncludeTree): string[] {
    const share = progress.share;
    const scaled = (n: number): number => Math.floor(n * share);
    const sum = (home: boolean, pick: (l: PlayerLine) => number): number =>
      detail.lines.reduce((total, l) => total + (l.lineup.home === home ? pick(l) : 0), 0);
    const count = (home: boolean, types: number[]): number => progress.events.filter((e) => e.home === home && types.includes(e.typeId)).length;
    // Goals credited to a side so far: its own goals plus the other side's own goals.
    const credited = (home: boolean): number =>
      progress.events.filter((e) => SCORING_EVENTS.has(e.typeId) && (e.typeId === EVENT.OWNGOAL ? !e.home : e.home) === home).length;
    const shotGoals = (home: boolean): number => count(home, [EVENT.GOAL, EVENT.PENALTY]);
    const onTarget = (home: boolean): number => Math.max(scaled(sum(home, (l) => l.shotsOnTarget)), credited(home));
    const out: string[] = [];
    for (const [i, home] of [true, false].entries()) {
      const extras = detail.extras[i];
      if (!extras) continue;
      const on = onTarget(home);
      const off = scaled(sum(home, (l) => l.shotsOffTarget));
      const blocked = scaled(sum(home, (l) => l.shotsBlocked));
      const passes = scaled(sum(home, (l) => l.passes));
      const values: [number, number][] = [
        [STAT.SHOTS_TOTAL, on + off + blocked],
        [STAT.SHOTS_ON_TARGET, on],
        [STAT.SHOTS_OFF_TARGET, off],
        [STAT.SHOTS_BLOCKED, blocked],
        [STAT.BALL_POSSESSION, extras.possession],
        [STAT.CORNERS, scaled(extras.corners)],
        [STAT.FOULS, scaled(sum(home, (l) => l.fouls))],
        [STAT.OFFSIDES, scaled(extras.offsides)],
        [STAT.SAVES, Math.max(0, onTarget(!home) - shotGoals(!home))],
        [STAT.PASSES, passes],
        [STAT.SUCCESSFUL_PASSES, Math.min(passes, scaled(sum(home, (l) => l.successfulPasses)))],
        [STAT.ATTACKS, scaled(extras.attacks)],
        [STAT.DANGEROUS_ATTACKS, scaled(extras.dangerousAttacks)],
        [STAT.YELLOWCARDS, count(home, [EVENT.YELLOWCARD])],
        [STAT.REDCARDS, count(home, [EVENT.REDCARD])],
        [STAT.YELLOWRED_CARDS, count(home, [EVENT.YELLOWREDCARD])],
        [STAT.SUBSTITUTIONS, count(home, [EVENT.SUBSTITUTION])],
      ];
      const teamId = home ? f.homeId : f.awayId;
      const location = home ? 'home' : 'away';
      for (const [k, [typeId, value]] of values.entries()) {
        const id = STATISTIC_ID_BASE + f.index * 40 + i * 20 + k;
        out.push(`{"id":${String(id)},"fixture_id":${String(f.id)},"type_id":${String(typeId)},"participant_id":${String(teamId)},"data":{"value":${String(value)}},"location":"${location}"${typePart(tree, typeId)}}`);
      }
    }
    return out;
  }

  private fixtureReferees(f: FixtureRec, detail: MatchDetail, tree: IncludeTree): string[] {
    if (f.placeholderIds !== null || f.deleted) return [];
    return detail.referees.map((r) => {
      const json = `{"id":${String(r.id)},"fixture_id":${String(f.id)},"referee_id":${String(r.refereeId)},"type_id":${String(r.typeId)}}`;
      const referee = tree.has('referee') ? this.details.people.referee(r.refereeId) : undefined;
      return withParts(json, (tree.has('referee') ? `,"referee":${referee ? this.referee(referee) : 'null'}` : '') + typePart(tree, r.typeId));
    });
  }

  /** A player, with `country`, `nationality` (core countries), `position`, `detailedPosition` (core types) when asked for. */
  player(p: PlayerApi, tree: IncludeTree = NO_TREE): string {
    const json = JSON.stringify(p);
    if (tree.size === 0) return json;
    let parts = '';
    for (const name of tree.keys()) {
      if (name === 'country') parts += `,"country":${COUNTRY_JSON.get(p.country_id) ?? 'null'}`;
      else if (name === 'nationality') parts += `,"nationality":${COUNTRY_JSON.get(p.nationality_id) ?? 'null'}`;
      else if (name === 'position') parts += `,"position":${TYPE_JSON.get(p.position_id) ?? 'null'}`;
      else if (name === 'detailedPosition') parts += `,"detailedposition":${p.detailed_position_id === null ? 'null' : (TYPE_JSON.get(p.detailed_position_id) ?? 'null')}`;
    }
    return withParts(json, parts);
  }

  referee(r: RefereeApi): string {
    return JSON.stringify(r);
  }

  /**
   * A squad row. The season endpoint spells `jersey_number`; the current-squad endpoint
   * (`/squads/teams/{id}`) sends `yersey_number` and `active` instead of `captain`, as captured in 2023.
   */
  squadRow(entry: SquadEntry, tree: IncludeTree, current: boolean): string {
    const s = entry.stint;
    const common = { id: s.id, transfer_id: s.transferId, player_id: s.player.id, team_id: s.teamId, position_id: s.player.position_id, detailed_position_id: s.player.detailed_position_id };
    const json = current
      ? JSON.stringify({ ...common, active: true, yersey_number: s.jersey, start: s.start, end: s.end })
      : JSON.stringify({ ...common, start: s.start, end: s.end, captain: entry.captain, jersey_number: s.jersey });
    let parts = '';
    if (tree.has('player')) parts += `,"player":${this.player(s.player, sub(tree, 'player'))}`;
    const team = this.teams.get(s.teamId);
    const teamNode = tree.get('team');
    if (teamNode) parts += `,"team":${team ? this.teamJson(team, teamNode.children) : 'null'}`;
    return withParts(json, parts);
  }

  /**
   * A top-scorer row. The oldest season of each league comes in the 2023 shape (no `id`,
   * `team_id` and `points` instead of `participant_id`), the others in today's.
   */
  topscorer(row: TopscorerRow, season: SeasonRec, seasonIndex: number, tree: IncludeTree): string {
    const oldShape = season.league.seasons[0] === season;
    const json = oldShape
      ? JSON.stringify({ season_id: row.seasonId, player_id: row.playerId, type_id: row.typeId, position: row.position, total: row.total, team_id: row.teamId, points: null })
      : JSON.stringify({
          id: TOPSCORER_ID_BASE + seasonIndex * 40_000 + TOPSCORER_TYPES.indexOf(row.typeId as (typeof TOPSCORER_TYPES)[number]) * 10_000 + (row.playerId % 10_000),
          season_id: row.seasonId,
          player_id: row.playerId,
          type_id: row.typeId,
          position: row.position,
          total: row.total,
          participant_id: row.teamId,
        });
    let parts = '';
    if (tree.has('player')) {
      const player = this.details.people.player(row.playerId);
      parts += `,"player":${player ? this.player(player, sub(tree, 'player')) : 'null'}`;
    }
    const participant = tree.get('participant');
    if (participant) {
      const team = this.teams.get(row.teamId);
      parts += `,"participant":${team ? this.teamJson(team, participant.children) : 'null'}`;
    }
    return withParts(json, parts);
  }
}

