// Fixtures and livescores.
import { badRequest, forbidden, type ApiError } from '../errors.ts';
import { MATCH } from '../generate.ts';
import type { FixtureRec } from '../model.ts';
import type { SortKey } from '../query.ts';
import { isLive } from '../states.ts';
import { DAY, MINUTE, parseDay } from '../time.ts';
import { compareKeys, list, paged, single } from './answers.ts';
import { errorOutcome, filterValues, idParam, type Outcome, type RequestContext, type Route } from './route.ts';

const MAX_BETWEEN_DAYS = 100;
const MULTI_MAX = 50;

const fixtureById = (f: FixtureRec): SortKey => [f.id, 0];
const fixtureByTime = (f: FixtureRec): SortKey => [Math.floor(f.kickoffMs / 1000), f.id];

/** What fixtureFilter depends on, as a cache key. */
function filterKey(ctx: RequestContext): string {
  const { q } = ctx;
  return `${JSON.stringify([...q.filters])}|${String(q.idAfter)}|${String(q.deleted)}`;
}

function fixtureFilter(ctx: RequestContext): (f: FixtureRec) => boolean {
  const leagues = filterValues(ctx, 'fixtureleagues');
  const states = filterValues(ctx, 'fixturestates');
  const seasons = filterValues(ctx, 'fixtureseasons');
  const stages = filterValues(ctx, 'fixturestages');
  const { idAfter, deleted } = ctx.q;
  const denied = ctx.denied;
  return (f) =>
    f.deleted === deleted &&
    (idAfter === null || f.id > idAfter) &&
    !denied.has(f.season.league.id) &&
    (leagues === null || leagues.has(f.season.league.id)) &&
    (states === null || states.has(f.stateId)) &&
    (seasons === null || seasons.has(f.season.id)) &&
    (stages === null || stages.has(f.stage.id));
}

const FIXTURE_FILTERS = ['fixtureleagues', 'fixturestates', 'fixtureseasons', 'fixturestages'];

function emitFixture(ctx: RequestContext): (f: FixtureRec) => string {
  return (f) => ctx.ser.fixture(f, ctx.q.include);
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

export const FIXTURE_ROUTES: Route[] = [
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
        .filter((f) => keep(f) && f.kickoffMs - 15 * MINUTE <= now && now <= f.kickoffMs + MATCH.endMs(f) + 15 * MINUTE);
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
];
