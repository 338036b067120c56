// Per entity: GET /x, GET /x/:id, POST /x, PUT /x/:id, DELETE /x/:id and POST /x/bulk.
import type { App, RoutePlugin } from '@insightxi/service-kit';
import { Type, type TSchema } from '@sinclair/typebox';
import {
  BulkRequest,
  ENTITIES,
  BulkResult,
  ErrorBody,
  FixtureListQuery,
  IdParams,
  ListQuery,
  Page,
  PersonListQuery,
  RECORD_SCHEMAS,
  SeasonListQuery,
  StageListQuery,
  StandingListQuery,
  StructureListQuery,
  TypeListQuery,
  type EntityRecords,
} from '@insightxi/contracts';
import type { ApplyResult } from '../bulk/apply.ts';
import type { Entity } from '../entity.ts';
import { conflict, notFound, unprocessable } from '../errors.ts';
import type { ListQueries } from '../repositories/records.ts';

/** The entities whose list takes filters besides limit and cursor. */
const LIST_QUERIES: Partial<Record<Entity, TSchema>> = {
  types: TypeListQuery,
  seasons: SeasonListQuery,
  stages: StageListQuery,
  rounds: StructureListQuery,
  groups: StructureListQuery,
  aggregates: StructureListQuery,
  fixtures: FixtureListQuery,
  standings: StandingListQuery,
  players: PersonListQuery,
  referees: PersonListQuery,
};

const errors = { 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** A single-record write either landed or says why not, as the HTTP status it deserves. */
function assertWritten(entity: Entity, id: number, result: ApplyResult): void {
  if (result.conflicts.length > 0) throw conflict(`${entity} ${id} already exists`);
  if (result.missing.length > 0) throw notFound(`${entity} ${id} does not exist`);
  const failure = result.failed[0];
  if (failure) throw unprocessable(failure.reason);
}

async function load(app: App, entity: Entity, id: number): Promise<EntityRecords[Entity]> {
  const found = await app.records.get(entity, id);
  if (!found) throw notFound(`${entity} ${id} does not exist`);
  return found;
}

// Erased to TSchema: the per-entity types come from EntityRecords[Entity], not from inference.
const recordSchema = (entity: Entity): TSchema => RECORD_SCHEMAS[entity];

/** GET /x, GET /x/:id, DELETE /x/:id. */
function readRoutes(app: App, entity: Entity): void {
  const record = recordSchema(entity);
  const tags = [entity];
  const { records } = app;
  app.get(
    `/${entity}`,
    { schema: { tags, summary: `List ${entity} by id (limit + cursor)`, querystring: LIST_QUERIES[entity] ?? ListQuery, response: { 200: Page(record), 422: ErrorBody } } },
    (request) => records.list(entity, request.query as ListQueries[Entity]),
  );

  app.get(
    `/${entity}/:id`,
    { schema: { tags, summary: `One of the ${entity}`, params: IdParams, response: { 200: record, ...errors } } },
    (request) => load(app, entity, request.params.id),
  );

  app.delete(
    `/${entity}/:id`,
    { schema: { tags, summary: `Delete one of the ${entity} (409 while other rows reference it)`, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await records.remove(entity, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** POST /x, PUT /x/:id and POST /x/bulk: every write goes through the bulk writer's checks. */
function writeRoutes(app: App, entity: Entity): void {
  const record = recordSchema(entity);
  const tags = [entity];
  const { bulkWriter: writer } = app;
  app.post(
    `/${entity}`,
    { schema: { tags, summary: `Create one of the ${entity} (409 if the id exists, 422 if a referenced row is missing)`, body: record, response: { 201: record, ...errors } } },
    async (request, reply) => {
      const body = request.body as EntityRecords[Entity];
      assertWritten(entity, body.id, await writer.writeOne(entity, body, 'create'));
      return reply.status(201).send(await load(app, entity, body.id));
    },
  );

  app.put(
    `/${entity}/:id`,
    {
      schema: {
        tags,
        summary: `Replace one of the ${entity} (404 if absent, 422 if a referenced row is missing or the ids differ)`,
        params: IdParams,
        body: record,
        response: { 200: record, ...errors },
      },
    },
    async (request) => {
      const body = request.body as EntityRecords[Entity];
      if (body.id !== request.params.id) throw unprocessable(`the body's id ${body.id} is not the path's id ${request.params.id}`);
      assertWritten(entity, body.id, await writer.writeOne(entity, body, 'replace'));
      return load(app, entity, body.id);
    },
  );

  app.post(
    `/${entity}/bulk`,
    {
      schema: {
        tags,
        summary: `Upsert ${entity} by SportMonks id: exact created/updated/unchanged; with \`sync\`, the page, its quarantine and the run's checkpoint commit together, once per page key`,
        body: BulkRequest(record),
        response: { 200: BulkResult, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      const body = request.body as BulkRequest<EntityRecords[Entity]>;
      const result = await writer.write(entity, body);
      const { created, updated, unchanged, duplicatePage } = result;
      request.log.info(
        { entity, records: body.records.length, created, updated, unchanged, failed: result.failed.length, duplicatePage, runId: body.sync?.runId, pageKey: body.sync?.pageKey },
        'bulk applied',
      );
      return result;
    },
  );
}

export const entityRoutes: RoutePlugin = (app) => {
  for (const entity of ENTITIES) {
    readRoutes(app, entity);
    writeRoutes(app, entity);
  }
  return Promise.resolve();
};
