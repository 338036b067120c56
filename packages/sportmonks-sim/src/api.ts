// The SportMonks endpoints: which records each returns, in which order, paged or not.
import { badRequest, forbidden, NO_RESULT_MESSAGE, type ApiError } from './errors.ts';
import { malform, type CallFaults } from './faults.ts';
import type { IncludeNode, IncludeTree, Kind } from './includes.ts';
import type { FixtureRec, SeasonRec, TeamRec } from './model.ts';
import { encodeCursor, type ParsedQuery, type SortKey } from './query.ts';
import type { Serializer } from './serialize.ts';
import { STATES, isLive, type StateApi } from './states.ts';
import type { StandingRow } from './standings.ts';
import { DAY, formatDateTimeIn, MINUTE, parseDay } from './time.ts';
import type { World } from './world.ts';

export interface RequestContext {
  world: World;
  ser: Serializer;
  q: ParsedQuery;
  params: Record<string, string | undefined>;
  denied: ReadonlySet<number>;
  faults: CallFaults;
  /** Computes a value once per state of the world (the cache empties when the clock changes something). */
  memo: <T>(key: string, build: () => T) => T;
  /** The full URL of this call with some query parameters replaced (api_token never kept). */
  urlWith: (overrides: Record<string, string>) => string;
}

export type Outcome =
  | { type: 'data'; data: string; pagination: string | null; message?: string }
  | { type: 'empty' }
  | { type: 'error'; error: ApiError };

export interface Route {
  path: string;
  entity: string;
  kind: Kind;
  filters: readonly string[];
  paged: boolean;
  /** Answers that change with the clock alone (live feeds), never served from the page cache. */
  live?: boolean;
  handle: (ctx: RequestContext) => Outcome;
}

export const MAX_BETWEEN_DAYS = 100;
const MULTI_MAX = 50;

const errorOutcome = (error: ApiError): Outcome => ({ type: 'error', error });

function idParam(ctx: RequestContext, name: string): number | ApiError {
  const text = ctx.params[name] ?? '';
  return /^\d{1,12}$/.test(text) ? Number(text) : badRequest(5006, `The ${name} parameter must be a numeric id.`);
}

/** Applies what the fast serializers don't: select, field lists on includes, timezone, broken records. */
function finish(ctx: RequestContext, kind: Kind, records: string[]): string[] {
  const { q, faults } = ctx;
  const convertTime = kind === 'fixture' && q.timezone !== 'UTC';
  const malformedAt = faults.malformed && records.length > 0 ? Math.floor(faults.malformed.pick * records.length) : -1;
  if (!q.select && !q.includeSelectsFields && !convertTime && malformedAt < 0) return records;
  return records.map((json, i) => {
    if (!q.select && !q.includeSelectsFields && !convertTime && i !== malformedAt) return json;
    const record = JSON.parse(json) as Record<string, unknown>;
    if (convertTime && typeof record.starting_at_timestamp === 'number') {
      record.starting_at = formatDateTimeIn(record.starting_at_timestamp * 1000, q.timezone);
    }
    if (q.select) pickFields(record, q.select, q.include);
    if (q.includeSelectsFields) selectIncludeFields(record, q.include);
    if (i === malformedAt && faults.malformed) malform(record, faults.malformed.variant);
    return JSON.stringify(record);
  });
}

function pickFields(record: Record<string, unknown>, fields: string[], include: IncludeTree): void {
  for (const key of Object.keys(record)) {
    if (key !== 'id' && !fields.includes(key) && !include.has(key)) Reflect.deleteProperty(record, key);
  }
}

function selectIncludeFields(record: Record<string, unknown>, tree: IncludeTree): void {
  for (const [name, node] of tree) {
    const value = record[name];
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const obj = item as Record<string, unknown>;
      if (node.fields) {
        for (const key of Object.keys(obj)) {
          if (key !== 'id' && key !== 'meta' && !node.fields.includes(key) && !node.children.has(key)) Reflect.deleteProperty(obj, key);
        }
      }
      selectIncludeFields(obj, node.children);
    }
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1];
}

function paged<T>(ctx: RequestContext, kind: Kind, all: T[], key: (item: T) => SortKey, emit: (item: T) => string): Outcome {
  const { q } = ctx;
  const items = q.order === 'desc' ? [...all].reverse() : all;
  if (items.length === 0) return { type: 'empty' };
  const direction = q.order === 'desc' ? -1 : 1;
  let start: number;
  if (q.cursor) {
    const cursor = q.cursor;
    // First item strictly after the cursor in walking order (binary search: items are sorted).
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = items[mid] as T;
      if (compareKeys(key(item), cursor) * direction <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  } else {
    start = (q.page - 1) * q.perPage;
  }
  const pageItems = items.slice(start, start + q.perPage);
  if (pageItems.length === 0) {
    const pagination = `{"count":0,"per_page":${q.perPage},"current_page":${q.page},"next_page":null,"has_more":false,"next_cursor":null}`;
    return { type: 'data', data: '[]', pagination, message: NO_RESULT_MESSAGE };
  }
  const hasMore = start + q.perPage < items.length;
  const last = pageItems.at(-1) as T;
  const nextCursor = hasMore ? encodeCursor(key(last)) : null;
  const previous = items[start - 1];
  const shown = ctx.faults.duplicate && previous !== undefined ? [previous, ...pageItems] : pageItems;
  const records = finish(ctx, kind, shown.map(emit));
  const nextPage = !hasMore ? null : nextCursor && q.cursor ? ctx.urlWith({ cursor: nextCursor }) : ctx.urlWith({ page: String(q.page + 1) });
  const pagination = `{"count":${records.length},"per_page":${q.perPage},"current_page":${q.page},"next_page":${JSON.stringify(nextPage)},"has_more":${hasMore},"next_cursor":${JSON.stringify(nextCursor)}}`;
  return { type: 'data', data: `[${records.join(',')}]`, pagination };
}

function list<T>(ctx: RequestContext, kind: Kind, items: T[], emit: (item: T) => string): Outcome {
  if (items.length === 0) return { type: 'empty' };
  return { type: 'data', data: `[${finish(ctx, kind, items.map(emit)).join(',')}]`, pagination: null };
}

function single<T>(ctx: RequestContext, kind: Kind, item: T | undefined, emit: (item: T) => string): Outcome {
  if (item === undefined) return { type: 'empty' };
  return { type: 'data', data: finish(ctx, kind, [emit(item)])[0] ?? 'null', pagination: null };
}

const byId = (item: { id: number }): SortKey => [item.id, 0];
const fixtureById = (f: FixtureRec): SortKey => [f.id, 0];
const fixtureByTime = (f: FixtureRec): SortKey => [Math.floor(f.kickoffMs / 1000), f.id];

function filterValues(ctx: RequestContext, name: string): Set<number> | null {
  const values = ctx.q.filters.get(name);
  return values ? new Set(values) : null;
}

/** What fixtureFilter depends on, as a cache key. */
function filterKey(ctx: RequestContext): string {
  const { q } = ctx;
  return `${JSON.stringify([...q.filters])}|${String(q.idAfter)}|${String(q.deleted)}`;
}

function fixtureFilter(ctx: RequestContext): (f: FixtureRec) => boolean {
  const leagues = filterValues(ctx, 'fixtureleagues');
  const states = filterValues(ctx, 'fixturestates');
  const seasons = filterValues(ctx, 'fixtureseasons');
  const { idAfter, deleted } = ctx.q;
  const denied = ctx.denied;
  return (f) =>
    f.deleted === deleted &&
    (idAfter === null || f.id > idAfter) &&
    !denied.has(f.season.league.id) &&
    (leagues === null || leagues.has(f.season.league.id)) &&
    (states === null || states.has(f.stateId)) &&
    (seasons === null || seasons.has(f.season.id));
}

const FIXTURE_FILTERS = ['fixtureleagues', 'fixturestates', 'fixtureseasons'];

function emitFixture(ctx: RequestContext): (f: FixtureRec) => string {
  return (f) => ctx.ser.fixture(f, ctx.q.include);
}

function seasonParam(ctx: RequestContext): SeasonRec | ApiError | undefined {
  const id = idParam(ctx, 'seasonId');
  if (typeof id !== 'number') return id;
  const season = ctx.world.seasonById.get(id);
  if (season && ctx.denied.has(season.league.id)) return forbidden();
  return season;
}

function withSeason(ctx: RequestContext, then: (season: SeasonRec) => Outcome): Outcome {
  const season = seasonParam(ctx);
  if (season === undefined) return { type: 'empty' };
  if ('status' in season) return errorOutcome(season);
  return then(season);
}

function dateRange(ctx: RequestContext): { fromMs: number; toMs: number } | ApiError {
  const fromMs = parseDay(ctx.params.start ?? '');
  const toMs = parseDay(ctx.params.end ?? '');
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return badRequest(5006, 'Dates must be given as YYYY-MM-DD.');
  if (toMs < fromMs) return badRequest(5006, 'The end date must not be before the start date.');
  if (toMs - fromMs > MAX_BETWEEN_DAYS * DAY) {
    return badRequest(5006, `The requested date range exceeds the maximum of ${MAX_BETWEEN_DAYS} days.`);
  }
  return { fromMs, toMs };
}

function fixturesBetween(ctx: RequestContext, fromMs: number, toMs: number, teamId: number | null): Outcome {
  const fixtures = ctx.memo(`between|${String(fromMs)}|${String(toMs)}|${String(teamId)}|${filterKey(ctx)}`, () => {
    const keep = fixtureFilter(ctx);
    const source = ctx.q.deleted
      ? ctx.world.fixtures.filter((f) => f.kickoffMs >= fromMs && f.kickoffMs < toMs + DAY).sort((a, b) => compareKeys(fixtureByTime(a), fixtureByTime(b)))
      : ctx.world.fixturesOnDays(fromMs, toMs);
    return source.filter((f) => keep(f) && (teamId === null || f.homeId === teamId || f.awayId === teamId));
  });
  return paged(ctx, 'fixture', fixtures, fixtureByTime, emitFixture(ctx));
}

function teamsOf(world: World, season: SeasonRec): TeamRec[] {
  return season.teamIds.map((id) => world.teams.get(id)).filter((t) => t !== undefined);
}

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

function idFilter<T extends { id: number }>(ctx: RequestContext, items: T[]): T[] {
  const after = ctx.q.idAfter;
  return after === null ? items : items.filter((i) => i.id > after);
}

export const ROUTES: Route[] = [
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
  {
    path: '/v3/football/fixtures',
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: true,
    handle: (ctx) =>
      paged(ctx, 'fixture', ctx.memo(`fixtures|${filterKey(ctx)}`, () => ctx.world.fixtures.filter(fixtureFilter(ctx))), fixtureById, emitFixture(ctx)),
  },
  {
    path: '/v3/football/fixtures/latest',
    live: true,
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: false,
    handle: (ctx) => list(ctx, 'fixture', ctx.world.latest().filter(fixtureFilter(ctx)), emitFixture(ctx)),
  },
  {
    path: '/v3/football/fixtures/multi/:ids',
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: false,
    handle: (ctx) => {
      const texts = (ctx.params.ids ?? '').split(',').filter((t) => t !== '');
      if (texts.length === 0 || texts.some((t) => !/^\d{1,12}$/.test(t))) return errorOutcome(badRequest(5006, 'The ids must be a comma-separated list of numeric ids.'));
      if (texts.length > MULTI_MAX) return errorOutcome(badRequest(5006, `At most ${MULTI_MAX} ids can be requested at once.`));
      const keep = fixtureFilter(ctx);
      const ids = [...new Set(texts.map(Number))];
      const fixtures = ids.map((id) => ctx.world.fixtureById.get(id)).filter((f): f is FixtureRec => f !== undefined && keep(f));
      return list(ctx, 'fixture', fixtures, emitFixture(ctx));
    },
  },
  {
    path: '/v3/football/fixtures/date/:date',
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: true,
    handle: (ctx) => {
      const day = parseDay(ctx.params.date ?? '');
      if (Number.isNaN(day)) return errorOutcome(badRequest(5006, 'Dates must be given as YYYY-MM-DD.'));
      return fixturesBetween(ctx, day, day, null);
    },
  },
  {
    path: '/v3/football/fixtures/between/:start/:end',
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: true,
    handle: (ctx) => {
      const range = dateRange(ctx);
      if ('status' in range) return errorOutcome(range);
      return fixturesBetween(ctx, range.fromMs, range.toMs, null);
    },
  },
  {
    path: '/v3/football/fixtures/between/:start/:end/:teamId',
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: true,
    handle: (ctx) => {
      const range = dateRange(ctx);
      if ('status' in range) return errorOutcome(range);
      const teamId = idParam(ctx, 'teamId');
      if (typeof teamId !== 'number') return errorOutcome(teamId);
      return fixturesBetween(ctx, range.fromMs, range.toMs, teamId);
    },
  },
  {
    path: '/v3/football/fixtures/:id',
    entity: 'Fixture',
    kind: 'fixture',
    filters: [],
    paged: false,
    handle: (ctx) => {
      const id = idParam(ctx, 'id');
      if (typeof id !== 'number') return errorOutcome(id);
      const fixture = ctx.world.fixtureById.get(id);
      if (fixture && ctx.denied.has(fixture.season.league.id)) return errorOutcome(forbidden());
      return single(ctx, 'fixture', fixture && fixture.deleted === ctx.q.deleted ? fixture : undefined, emitFixture(ctx));
    },
  },
  {
    path: '/v3/football/livescores',
    live: true,
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: false,
    handle: (ctx) => {
      const now = ctx.world.now();
      const keep = fixtureFilter(ctx);
      const fixtures = ctx.world
        .fixturesOnDays(now - DAY, now + DAY)
        .filter((f) => keep(f) && f.kickoffMs - 15 * MINUTE <= now && now <= f.kickoffMs + 125 * MINUTE);
      return list(ctx, 'fixture', fixtures, emitFixture(ctx));
    },
  },
  {
    path: '/v3/football/livescores/inplay',
    live: true,
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: false,
    handle: (ctx) => {
      const now = ctx.world.now();
      const keep = fixtureFilter(ctx);
      const fixtures = ctx.world.fixturesOnDays(now - DAY, now).filter((f) => keep(f) && isLive(f.stateId));
      return list(ctx, 'fixture', fixtures, emitFixture(ctx));
    },
  },
  {
    path: '/v3/football/livescores/latest',
    live: true,
    entity: 'Fixture',
    kind: 'fixture',
    filters: FIXTURE_FILTERS,
    paged: false,
    handle: (ctx) => list(ctx, 'fixture', ctx.world.latest().filter(fixtureFilter(ctx)), emitFixture(ctx)),
  },
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
