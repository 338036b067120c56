// Reads and deletes of the synced entities through Prisma. Writes go through the bulk writer,
// which owns the change detection. One table says which Prisma model holds each entity and how
// its rows read back as records; a new entity is one line there (and its list filters, if any).
import type {
  EntityRecords,
  FixtureListQuery,
  ListQuery,
  PersonListQuery,
  SeasonListQuery,
  StageListQuery,
  StandingListQuery,
  StructureListQuery,
  TypeListQuery,
} from '@insightxi/contracts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Entity } from '../entity.ts';
import { conflict, notFound } from '../errors.ts';
import { SPECS } from '../entities/index.ts';
import { pageQuery, toPage, type PageOf } from './paging.ts';

export interface ListQueries {
  types: TypeListQuery;
  countries: ListQuery;
  states: ListQuery;
  leagues: ListQuery;
  seasons: SeasonListQuery;
  venues: ListQuery;
  teams: ListQuery;
  stages: StageListQuery;
  rounds: StructureListQuery;
  groups: StructureListQuery;
  aggregates: StructureListQuery;
  fixtures: FixtureListQuery;
  standings: StandingListQuery;
  players: PersonListQuery;
  referees: PersonListQuery;
  squads: ListQuery;
  topscorers: ListQuery;
}

export interface RecordRepository {
  get<E extends Entity>(entity: E, id: number): Promise<EntityRecords[E] | null>;
  list<E extends Entity>(entity: E, query: ListQueries[E]): Promise<PageOf<EntityRecords[E]>>;
  /** Removes the row; 404 when absent, 409 when other rows still reference it. */
  remove(entity: Entity, id: number): Promise<void>;
}

type Row = { id: number };

/** What the repository needs of a Prisma model (each model's own types are narrower). */
interface Model {
  findUnique(args: { where: { id: number }; include?: object }): Promise<Row | null>;
  findMany(args: { where: object; orderBy: { id: 'asc' }; take: number; include?: object }): Promise<Row[]>;
  delete(args: { where: { id: number } }): Promise<unknown>;
}

interface Source {
  model: Model;
  /** Related rows read with it (a fixture's scores). */
  include?: object;
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

function structureWhere(query: StructureListQuery | StageListQuery): object {
  return {
    ...(query.league === undefined ? {} : { leagueId: query.league }),
    ...(query.season === undefined ? {} : { seasonId: query.season }),
    ...('stage' in query && query.stage !== undefined ? { stageId: query.stage } : {}),
  };
}

/** The list filters beyond limit and cursor, by entity. */
const FILTERS: { [E in Entity]?: (query: ListQueries[E]) => object } = {
  types: (query) => (query.modelType === undefined ? {} : { modelType: query.modelType }),
  seasons: (query) => (query.league === undefined ? {} : { leagueId: query.league }),
  stages: structureWhere,
  rounds: structureWhere,
  groups: structureWhere,
  aggregates: structureWhere,
  fixtures: fixtureWhere,
  players: (query) => (query.stub === undefined ? {} : { stub: query.stub }),
  referees: (query) => (query.stub === undefined ? {} : { stub: query.stub }),
  standings: (query) => ({
    ...(query.season === undefined ? {} : { seasonId: query.season }),
    ...(query.league === undefined ? {} : { leagueId: query.league }),
    ...(query.team === undefined ? {} : { teamId: query.team }),
    ...(query.stage === undefined ? {} : { stageId: query.stage }),
  }),
};

/** The Prisma model of each entity; how its rows read back is the entity's spec. */
function sources(prisma: PrismaClient): Record<Entity, Source> {
  const source = (model: unknown, include?: object): Source => ({ model: model as Model, ...(include ? { include } : {}) });
  return {
    types: source(prisma.type),
    countries: source(prisma.country),
    states: source(prisma.fixtureState),
    leagues: source(prisma.league),
    seasons: source(prisma.season),
    venues: source(prisma.venue),
    teams: source(prisma.team),
    stages: source(prisma.stage),
    rounds: source(prisma.round),
    groups: source(prisma.stageGroup),
    aggregates: source(prisma.aggregate),
    fixtures: source(prisma.fixture, { scores: { orderBy: { id: 'asc' } } }),
    standings: source(prisma.standing),
    players: source(prisma.player),
    referees: source(prisma.referee),
    squads: source(prisma.squadList, { members: true }),
    topscorers: source(prisma.topscorerList, { rows: true }),
  };
}

export function recordRepository(prisma: PrismaClient): RecordRepository {
  const tables = sources(prisma);
  return {
    async get(entity, id) {
      const { model, include } = tables[entity];
      const row = await model.findUnique({ where: { id }, ...(include ? { include } : {}) });
      return row && SPECS[entity].record(row);
    },
    async list(entity, query) {
      const { model, include } = tables[entity];
      const page = pageQuery(query);
      const where = { ...FILTERS[entity]?.(query), ...page.idWhere };
      const rows = await model.findMany({ where, orderBy: { id: 'asc' }, take: page.take, ...(include ? { include } : {}) });
      return toPage(rows, page.limit, (row) => SPECS[entity].record(row));
    },
    async remove(entity, id) {
      try {
        await tables[entity].model.delete({ where: { id } });
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
