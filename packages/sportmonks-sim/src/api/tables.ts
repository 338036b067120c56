// League tables, schedules, stages and rounds of a season.
import { forbidden } from '../errors.ts';
import type { IncludeNode, IncludeTree } from '../includes.ts';
import type { FixtureRec, SeasonRec, StageRec } from '../model.ts';
import { byId, roundsByName } from '../serialize.ts';
import type { StandingRow } from '../standings.ts';
import { currentStages } from '../structure-json.ts';
import type { World } from '../world.ts';
import { list, single } from './answers.ts';
import { errorOutcome, idParam, withSeason, withSeasonTeam, type RequestContext, type Route } from './route.ts';

const node = (children: IncludeTree = new Map()): IncludeNode => ({ fields: null, children });
const SCHEDULE_FIXTURE_TREE: IncludeTree = new Map([
  ['participants', node()],
  ['scores', node()],
]);
const NONE: IncludeTree = new Map();

/**
 * One stage of a schedule: the stage with its rounds (each with its fixtures), the fixtures
 * outside any round (knockout legs, a single final), its aggregates and groups. A team's
 * schedule keeps only what holds that team's fixtures.
 */
function scheduleStage(ctx: RequestContext, stage: StageRec, teamId: number | null): string | null {
  // A fixture still waiting for its teams is not yet on a team's schedule.
  const mine = (f: FixtureRec): boolean => !f.deleted && (teamId === null || (f.placeholderIds === null && (f.homeId === teamId || f.awayId === teamId)));
  const fixturesJson = (fixtures: FixtureRec[]): string => fixtures.map((f) => ctx.ser.fixture(f, SCHEDULE_FIXTURE_TREE)).join(',');
  const rounds = roundsByName(stage.rounds)
    .map((round) => {
      const fixtures = round.fixtures.filter(mine);
      if (teamId !== null && fixtures.length === 0) return null;
      const roundJson = ctx.ser.round(round, NONE);
      return `${roundJson.slice(0, -1)},"fixtures":[${fixturesJson(fixtures)}]}`;
    })
    .filter((r) => r !== null);
  const loose = stage.fixtures.filter((f) => f.round === null && mine(f));
  if (teamId !== null && rounds.length === 0 && loose.length === 0) return null;
  const aggregates = stage.aggregates.filter((a) => teamId === null || a.legs.some(mine));
  const groups = stage.groups.filter((g) => teamId === null || g.teamIds.includes(teamId));
  const base = ctx.ser.stage(stage, NONE);
  return (
    `${base.slice(0, -1)},"rounds":[${rounds.join(',')}],"fixtures":[${fixturesJson(loose)}]` +
    `,"aggregates":[${aggregates.map((a) => ctx.ser.aggregate(a, NONE)).join(',')}]` +
    `,"groups":[${groups.map((g) => ctx.ser.group(g, NONE)).join(',')}]}`
  );
}

function schedule(ctx: RequestContext, season: SeasonRec, teamId: number | null): string[] {
  return byId(season.stages)
    .map((stage) => scheduleStage(ctx, stage, teamId))
    .filter((s) => s !== null);
}

/** The current season's tables that are being played (the live table of a split league is its current stages'). */
function liveStandings(world: World, season: SeasonRec): StandingRow[] {
  const current = currentStages(season.stages);
  return world.standings(season).filter((row) => current.has(row.stage));
}

export const TABLE_ROUTES: Route[] = [
  {
    path: '/v3/football/standings/seasons/:seasonId',
    entity: 'Standing',
    kind: 'standing',
    filters: [],
    paged: false,
    handle: (ctx) =>
      withSeason(ctx, (season) => list(ctx, 'standing', ctx.world.standings(season), (row: StandingRow) => ctx.ser.standing(row, ctx.q.include))),
  },
  {
    path: '/v3/football/standings/rounds/:roundId',
    entity: 'Standing',
    kind: 'standing',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'roundId');
      if (typeof id !== 'number') return errorOutcome(id);
      const round = ctx.world.roundById.get(id);
      if (!round) return { type: 'empty' };
      if (ctx.denied.has(round.season.league.id)) return errorOutcome(forbidden());
      return list(ctx, 'standing', ctx.world.standings(round.season, round), (row: StandingRow) => ctx.ser.standing(row, ctx.q.include));
    },
  },
  {
    path: '/v3/football/standings/live/leagues/:leagueId',
    entity: 'LiveStanding',
    kind: 'standing',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'leagueId');
      if (typeof id !== 'number') return errorOutcome(id);
      if (ctx.denied.has(id)) return errorOutcome(forbidden());
      const season = ctx.world.leagueById.get(id)?.seasons.find((s) => s.isCurrent);
      if (!season) return { type: 'empty' };
      return list(ctx, 'standing', liveStandings(ctx.world, season), (row: StandingRow) => ctx.ser.standing(row, ctx.q.include));
    },
  },
  {
    path: '/v3/football/standings/corrections/seasons/:seasonId',
    entity: 'Standing',
    kind: 'standing',
    filters: [],
    paged: false,
    // No points deductions are simulated: every season answers "no result".
    handle: (ctx) => withSeason(ctx, () => ({ type: 'empty' })),
  },
  {
    path: '/v3/football/schedules/seasons/:seasonId',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) => withSeason(ctx, (season) => ({ type: 'data', data: `[${schedule(ctx, season, null).join(',')}]`, pagination: null })),
  },
  {
    path: '/v3/football/schedules/seasons/:seasonId/teams/:teamId',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) =>
      withSeasonTeam(ctx, (season, teamId) => {
        if (!season.teamIds.includes(teamId)) return { type: 'empty' };
        return { type: 'data', data: `[${schedule(ctx, season, teamId).join(',')}]`, pagination: null };
      }),
  },
  {
    path: '/v3/football/schedules/teams/:teamId',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const teamId = idParam(ctx, 'teamId');
      if (typeof teamId !== 'number') return errorOutcome(teamId);
      const seasons = ctx.world.seasons.filter((s) => s.isCurrent && !ctx.denied.has(s.league.id) && s.teamIds.includes(teamId));
      if (seasons.length === 0) return { type: 'empty' };
      return { type: 'data', data: `[${seasons.flatMap((s) => schedule(ctx, s, teamId)).join(',')}]`, pagination: null };
    },
  },
  {
    path: '/v3/football/stages/seasons/:seasonId',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) => withSeason(ctx, (season) => list(ctx, 'stage', byId(season.stages), (s) => ctx.ser.stage(s, ctx.q.include))),
  },
  {
    path: '/v3/football/stages/:id',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      const stage = ctx.world.stageById.get(id);
      if (stage && ctx.denied.has(stage.season.league.id)) return errorOutcome(forbidden());
      return single(ctx, 'stage', stage, (s) => ctx.ser.stage(s, ctx.q.include));
    },
  },
  {
    path: '/v3/football/rounds/seasons/:seasonId',
    entity: 'Round',
    kind: 'round',
    filters: [],
    paged: false,
    handle: (ctx) => withSeason(ctx, (season) => list(ctx, 'round', roundsByName(season.rounds), (r) => ctx.ser.round(r, ctx.q.include))),
  },
  {
    path: '/v3/football/rounds/:id',
    entity: 'Round',
    kind: 'round',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      const round = ctx.world.roundById.get(id);
      if (round && ctx.denied.has(round.season.league.id)) return errorOutcome(forbidden());
      return single(ctx, 'round', round, (r) => ctx.ser.round(r, ctx.q.include));
    },
  },
];
