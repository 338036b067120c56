// Players, squads, referees and top scorers.
import { forbidden } from '../errors.ts';
import { TOPSCORER_TYPES, type TopscorerRow } from '../detail/store.ts';
import { list, paged, single, byId } from './answers.ts';
import { errorOutcome, filterValues, idParam, withSeason, withSeasonTeam, type Route } from './route.ts';

const topscorerKey = (row: TopscorerRow): [number, number] => [TOPSCORER_TYPES.indexOf(row.typeId as (typeof TOPSCORER_TYPES)[number]) * 1000 + row.position, 0];

export const PEOPLE_ROUTES: Route[] = [
  {
    path: '/v3/football/players/:id',
    entity: 'Player',
    kind: 'player',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      return single(ctx, 'player', ctx.details.people.player(id), (p) => ctx.ser.detail.player(p, ctx.q.include));
    },
  },
  {
    path: '/v3/football/squads/seasons/:seasonId/teams/:teamId',
    entity: 'PlayerStatistic',
    kind: 'squad',
    filters: [],
    paged: false,
    handle: (ctx) =>
      withSeasonTeam(ctx, (season, teamId) =>
        list(ctx, 'squad', ctx.details.people.squad(season, teamId) ?? [], (entry) => ctx.ser.detail.squadRow(entry, ctx.q.include, false)),
      ),
  },
  {
    path: '/v3/football/squads/teams/:teamId',
    entity: 'PlayerTeam',
    kind: 'squad',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const teamId = idParam(ctx, 'teamId');
      if (typeof teamId !== 'number') return errorOutcome(teamId);
      const team = ctx.world.teams.get(teamId);
      if (!team) return { type: 'empty' };
      if (ctx.denied.has(team.leagueId)) return errorOutcome(forbidden());
      const season = ctx.world.leagueById.get(team.leagueId)?.seasons.find((s) => s.isCurrent);
      const squad = season ? (ctx.details.people.squad(season, teamId) ?? []) : [];
      return list(ctx, 'squad', squad, (entry) => ctx.ser.detail.squadRow(entry, ctx.q.include, true));
    },
  },
  {
    path: '/v3/football/referees/:id',
    entity: 'Referee',
    kind: 'referee',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      return single(ctx, 'referee', ctx.details.people.referee(id), (r) => ctx.ser.detail.referee(r));
    },
  },
  {
    path: '/v3/football/referees/seasons/:seasonId',
    entity: 'Referee',
    kind: 'referee',
    filters: [],
    paged: true,
    handle: (ctx) => withSeason(ctx, (season) => paged(ctx, 'referee', ctx.details.people.referees(season.league), byId, (r) => ctx.ser.detail.referee(r))),
  },
  {
    path: '/v3/football/topscorers/seasons/:seasonId',
    entity: 'Topscorer',
    kind: 'topscorer',
    filters: ['seasontopscorertypes'],
    paged: true,
    handle: (ctx) =>
      withSeason(ctx, (season) => {
        const types = filterValues(ctx, 'seasontopscorertypes');
        const seasonIndex = ctx.world.seasons.indexOf(season);
        const rows = ctx.details.seasonTopscorers(season).filter((row) => types === null || types.has(row.typeId));
        return paged(ctx, 'topscorer', rows, topscorerKey, (row) => ctx.ser.detail.topscorer(row, season, seasonIndex, ctx.q.include));
      }),
  },
];
