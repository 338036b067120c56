// Reference data: leagues, seasons, teams, venues, states.
import { forbidden } from '../errors.ts';
import { STATES, type StateApi } from '../states.ts';
import { byId, list, paged, single } from './answers.ts';
import { errorOutcome, filterValues, idFilter, idParam, teamsOf, withSeason, type Route } from './route.ts';

export const REFERENCE_ROUTES: Route[] = [
  {
    path: '/v3/football/leagues',
    entity: 'League',
    kind: 'league',
    filters: ['leaguecountries'],
    paged: true,
    handle: (ctx) => {
      const countries = filterValues(ctx, 'leaguecountries');
      const leagues = idFilter(ctx, ctx.world.leagues)
        .filter((l) => !ctx.denied.has(l.id) && (countries === null || countries.has(l.countryId)))
        .sort((a, b) => a.id - b.id);
      return paged(ctx, 'league', leagues, byId, (l) => ctx.ser.league(l, ctx.q.include));
    },
  },
  {
    path: '/v3/football/leagues/:id',
    entity: 'League',
    kind: 'league',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      if (ctx.denied.has(id)) return errorOutcome(forbidden());
      return single(ctx, 'league', ctx.world.leagueById.get(id), (l) => ctx.ser.league(l, ctx.q.include));
    },
  },
  {
    path: '/v3/football/seasons',
    entity: 'Season',
    kind: 'season',
    filters: ['seasonleagues'],
    paged: true,
    handle: (ctx) => {
      const leagues = filterValues(ctx, 'seasonleagues');
      const seasons = idFilter(ctx, ctx.world.seasons)
        .filter((s) => !ctx.denied.has(s.league.id) && (leagues === null || leagues.has(s.league.id)))
        .sort((a, b) => a.id - b.id);
      return paged(ctx, 'season', seasons, byId, (s) => ctx.ser.season(s, ctx.q.include));
    },
  },
  {
    path: '/v3/football/seasons/:id',
    entity: 'Season',
    kind: 'season',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      const season = ctx.world.seasonById.get(id);
      if (season && ctx.denied.has(season.league.id)) return errorOutcome(forbidden());
      return single(ctx, 'season', season, (s) => ctx.ser.season(s, ctx.q.include));
    },
  },
  {
    path: '/v3/football/teams',
    entity: 'Team',
    kind: 'team',
    filters: ['teamcountries'],
    paged: true,
    handle: (ctx) => {
      const countries = filterValues(ctx, 'teamcountries');
      const teams = idFilter(ctx, [...ctx.world.teams.values()].map((t) => ({ id: t.api.id, t })))
        .filter(({ t }) => !ctx.denied.has(t.leagueId) && (countries === null || countries.has(t.api.country_id)))
        .sort((a, b) => a.id - b.id);
      return paged(ctx, 'team', teams, byId, ({ t }) => ctx.ser.team(t, ctx.q.include));
    },
  },
  {
    path: '/v3/football/teams/:id',
    entity: 'Team',
    kind: 'team',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      const team = ctx.world.teams.get(id);
      if (team && ctx.denied.has(team.leagueId)) return errorOutcome(forbidden());
      return single(ctx, 'team', team, (t) => ctx.ser.team(t, ctx.q.include));
    },
  },
  {
    path: '/v3/football/teams/seasons/:seasonId',
    entity: 'Team',
    kind: 'team',
    filters: [],
    paged: false,
    handle: (ctx) => withSeason(ctx, (season) => list(ctx, 'team', teamsOf(ctx.world, season), (t) => ctx.ser.team(t, ctx.q.include))),
  },
  {
    path: '/v3/football/venues',
    entity: 'Venue',
    kind: 'venue',
    filters: ['venuecountries'],
    paged: true,
    handle: (ctx) => {
      const countries = filterValues(ctx, 'venuecountries');
      const venues = idFilter(ctx, ctx.world.venues).filter((v) => countries === null || countries.has(v.country_id));
      return paged(ctx, 'venue', venues, byId, (v) => ctx.ser.venue(v));
    },
  },
  {
    path: '/v3/football/venues/:id',
    entity: 'Venue',
    kind: 'venue',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      return single(ctx, 'venue', ctx.world.venueById.get(id), (v) => ctx.ser.venue(v));
    },
  },
  {
    path: '/v3/football/venues/seasons/:seasonId',
    entity: 'Venue',
    kind: 'venue',
    filters: [],
    paged: false,
    handle: (ctx) =>
      withSeason(ctx, (season) => {
        const ids = new Set(teamsOf(ctx.world, season).map((t) => t.api.venue_id));
        const venues = ctx.world.venues.filter((v) => ids.has(v.id));
        return list(ctx, 'venue', venues, (v) => ctx.ser.venue(v));
      }),
  },
  ...['/v3/football/states', '/v3/core/states'].map(
    (path): Route => ({
      path,
      entity: 'State',
      kind: 'state',
      filters: [],
      paged: true,
      handle: (ctx) => paged(ctx, 'state', idFilter(ctx, STATES), byId, (s: StateApi) => ctx.ser.state(s)),
    }),
  ),
  {
    path: '/v3/football/states/:id',
    entity: 'State',
    kind: 'state',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      return single(ctx, 'state', STATES.find((s) => s.id === id), (s) => ctx.ser.state(s));
    },
  },
];
