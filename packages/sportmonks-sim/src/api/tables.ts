// League tables, schedules, stages and rounds of a season.
import { forbidden } from '../errors.ts';
import type { IncludeNode, IncludeTree } from '../includes.ts';
import type { SeasonRec } from '../model.ts';
import type { StandingRow } from '../standings.ts';
import { list, single } from './answers.ts';
import { errorOutcome, idParam, withSeason, type RequestContext, type Route } from './route.ts';

const SCHEDULE_TREE: IncludeTree = new Map([
  [
    'rounds',
    {
      fields: null,
      children: new Map([
        [
          'fixtures',
          {
            fields: null,
            children: new Map([
              ['participants', { fields: null, children: new Map() }],
              ['scores', { fields: null, children: new Map() }],
            ]),
          },
        ],
      ]),
    },
  ],
]);

function schedule(ctx: RequestContext, season: SeasonRec, teamId: number | null): string {
  if (teamId === null) return ctx.ser.stage(season, SCHEDULE_TREE);
  const fixtureTree: IncludeTree = SCHEDULE_TREE.get('rounds')?.children.get('fixtures')?.children ?? new Map<string, IncludeNode>();
  const base = ctx.ser.stage(season, new Map());
  const rounds = season.rounds
    .map((round) => {
      const fixtures = round.fixtures.filter((f) => !f.deleted && (f.homeId === teamId || f.awayId === teamId));
      if (fixtures.length === 0) return null;
      const roundJson = ctx.ser.round(round, new Map());
      return `${roundJson.slice(0, -1)},"fixtures":[${fixtures.map((f) => ctx.ser.fixture(f, fixtureTree)).join(',')}]}`;
    })
    .filter((r) => r !== null);
  return `${base.slice(0, -1)},"rounds":[${rounds.join(',')}]}`;
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
      return list(ctx, 'standing', ctx.world.standings(season), (row: StandingRow) => ctx.ser.standing(row, ctx.q.include));
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
    handle: (ctx) => withSeason(ctx, (season) => ({ type: 'data', data: `[${schedule(ctx, season, null)}]`, pagination: null })),
  },
  {
    path: '/v3/football/schedules/seasons/:seasonId/teams/:teamId',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) =>
      withSeason(ctx, (season) => {
        const teamId = idParam(ctx, 'teamId');
        if (typeof teamId !== 'number') return errorOutcome(teamId);
        if (!season.teamIds.includes(teamId)) return { type: 'empty' };
        return { type: 'data', data: `[${schedule(ctx, season, teamId)}]`, pagination: null };
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
      return { type: 'data', data: `[${seasons.map((s) => schedule(ctx, s, teamId)).join(',')}]`, pagination: null };
    },
  },
  {
    path: '/v3/football/stages/seasons/:seasonId',
    entity: 'Stage',
    kind: 'stage',
    filters: [],
    paged: false,
    handle: (ctx) => withSeason(ctx, (season) => list(ctx, 'stage', [season], (s) => ctx.ser.stage(s, ctx.q.include))),
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
      const season = ctx.world.stageById.get(id);
      if (season && ctx.denied.has(season.league.id)) return errorOutcome(forbidden());
      return single(ctx, 'stage', season, (s) => ctx.ser.stage(s, ctx.q.include));
    },
  },
  {
    path: '/v3/football/rounds/seasons/:seasonId',
    entity: 'Round',
    kind: 'round',
    filters: [],
    paged: false,
    handle: (ctx) => withSeason(ctx, (season) => list(ctx, 'round', season.rounds, (r) => ctx.ser.round(r, ctx.q.include))),
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
