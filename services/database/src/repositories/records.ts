// Reads and deletes of the synced entities through Prisma. Writes go through the bulk writer,
// which owns the change detection.
import type { EntityRecords, FixtureListQuery, ListQuery, SeasonListQuery, StandingListQuery } from '@insightxi/contracts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Entity } from '../entity.ts';
import { conflict, notFound } from '../errors.ts';
import { fixtureRecord } from '../entities/fixtures.ts';
import { leagueRecord } from '../entities/leagues.ts';
import { seasonRecord } from '../entities/seasons.ts';
import { standingRecord } from '../entities/standings.ts';
import { stateRecord } from '../entities/states.ts';
import { teamRecord } from '../entities/teams.ts';
import { venueRecord } from '../entities/venues.ts';
import { cursorId, DEFAULT_LIMIT, toPage, type PageOf } from './paging.ts';

export interface ListQueries {
  states: ListQuery;
  leagues: ListQuery;
  seasons: SeasonListQuery;
  venues: ListQuery;
  teams: ListQuery;
  fixtures: FixtureListQuery;
  standings: StandingListQuery;
}

export interface RecordRepository {
  get<E extends Entity>(entity: E, id: number): Promise<EntityRecords[E] | null>;
  list<E extends Entity>(entity: E, query: ListQueries[E]): Promise<PageOf<EntityRecords[E]>>;
  /** Removes the row; 404 when absent, 409 when other rows still reference it. */
  remove(entity: Entity, id: number): Promise<void>;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function fixtureWhere(query: FixtureListQuery): Prisma.FixtureWhereInput {
  const startingAt: Prisma.DateTimeFilter = {};
  if (query.from !== undefined) startingAt.gte = new Date(query.from);
  if (query.to !== undefined) startingAt.lt = new Date(new Date(query.to).getTime() + (DATE_ONLY.test(query.to) ? DAY_MS : 0));
  return {
    ...(query.league === undefined ? {} : { leagueId: query.league }),
    ...(query.season === undefined ? {} : { seasonId: query.season }),
    ...(query.state === undefined ? {} : { stateId: query.state }),
    ...(query.team === undefined ? {} : { OR: [{ homeTeamId: query.team }, { awayTeamId: query.team }] }),
    ...(query.deleted === undefined ? {} : { deletedAt: query.deleted ? { not: null } : null }),
    ...(Object.keys(startingAt).length > 0 ? { startingAt } : {}),
  };
}

export function recordRepository(prisma: PrismaClient): RecordRepository {
  const paging = (query: ListQuery) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = cursorId(query.cursor);
    return { limit, take: limit + 1, orderBy: { id: 'asc' as const }, idWhere: after === undefined ? {} : { id: { gt: after } } };
  };

  const listers: { [E in Entity]: (query: ListQueries[E]) => Promise<PageOf<EntityRecords[E]>> } = {
    async states(query) {
      const p = paging(query);
      return toPage(await prisma.fixtureState.findMany({ where: p.idWhere, orderBy: p.orderBy, take: p.take }), p.limit, stateRecord);
    },
    async leagues(query) {
      const p = paging(query);
      return toPage(await prisma.league.findMany({ where: p.idWhere, orderBy: p.orderBy, take: p.take }), p.limit, leagueRecord);
    },
    async seasons(query) {
      const p = paging(query);
      const where = { ...p.idWhere, ...(query.league === undefined ? {} : { leagueId: query.league }) };
      return toPage(await prisma.season.findMany({ where, orderBy: p.orderBy, take: p.take }), p.limit, seasonRecord);
    },
    async venues(query) {
      const p = paging(query);
      return toPage(await prisma.venue.findMany({ where: p.idWhere, orderBy: p.orderBy, take: p.take }), p.limit, venueRecord);
    },
    async teams(query) {
      const p = paging(query);
      return toPage(await prisma.team.findMany({ where: p.idWhere, orderBy: p.orderBy, take: p.take }), p.limit, teamRecord);
    },
    async fixtures(query) {
      const p = paging(query);
      const rows = await prisma.fixture.findMany({
        where: { ...fixtureWhere(query), ...p.idWhere },
        orderBy: p.orderBy,
        take: p.take,
        include: { scores: { orderBy: { id: 'asc' } } },
      });
      return toPage(rows, p.limit, fixtureRecord);
    },
    async standings(query) {
      const p = paging(query);
      const where = {
        ...p.idWhere,
        ...(query.season === undefined ? {} : { seasonId: query.season }),
        ...(query.league === undefined ? {} : { leagueId: query.league }),
        ...(query.team === undefined ? {} : { teamId: query.team }),
      };
      return toPage(await prisma.standing.findMany({ where, orderBy: p.orderBy, take: p.take }), p.limit, standingRecord);
    },
  };

  const getters: { [E in Entity]: (id: number) => Promise<EntityRecords[E] | null> } = {
    states: async (id) => {
      const row = await prisma.fixtureState.findUnique({ where: { id } });
      return row && stateRecord(row);
    },
    leagues: async (id) => {
      const row = await prisma.league.findUnique({ where: { id } });
      return row && leagueRecord(row);
    },
    seasons: async (id) => {
      const row = await prisma.season.findUnique({ where: { id } });
      return row && seasonRecord(row);
    },
    venues: async (id) => {
      const row = await prisma.venue.findUnique({ where: { id } });
      return row && venueRecord(row);
    },
    teams: async (id) => {
      const row = await prisma.team.findUnique({ where: { id } });
      return row && teamRecord(row);
    },
    fixtures: async (id) => {
      const row = await prisma.fixture.findUnique({ where: { id }, include: { scores: { orderBy: { id: 'asc' } } } });
      return row && fixtureRecord(row);
    },
    standings: async (id) => {
      const row = await prisma.standing.findUnique({ where: { id } });
      return row && standingRecord(row);
    },
  };

  const deleters: { [E in Entity]: (id: number) => Promise<unknown> } = {
    states: (id) => prisma.fixtureState.delete({ where: { id } }),
    leagues: (id) => prisma.league.delete({ where: { id } }),
    seasons: (id) => prisma.season.delete({ where: { id } }),
    venues: (id) => prisma.venue.delete({ where: { id } }),
    teams: (id) => prisma.team.delete({ where: { id } }),
    fixtures: (id) => prisma.fixture.delete({ where: { id } }),
    standings: (id) => prisma.standing.delete({ where: { id } }),
  };

  return {
    get: (entity, id) => getters[entity](id),
    list: (entity, query) => listers[entity](query),
    async remove(entity, id) {
      try {
        await deleters[entity](id);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError) {
          if (error.code === 'P2025') throw notFound(`${entity} ${id} does not exist`);
          if (error.code === 'P2003') throw conflict(`${entity} ${id} is still referenced by other rows`);
        }
        throw error;
      }
    },
  };
}
