// /__sim/*: the simulator's own endpoints for tests and demos (no token; never part of the real API).
import type { FastifyInstance } from 'fastify';
import type { Dataset } from './dataset.ts';
import type { DetailDataset, DetailDatasetOptions } from './detail/dataset.ts';
import type { FaultOptions } from './faults.ts';
import { ClockBody, ClockNow, ClockReply, DetailQuery, FaultsBody, StatsReply } from './schemas.ts';
import { formatDateTime } from './time.ts';
import type { ClockAdvance } from './world.ts';

export interface ControlDeps {
  dataset: () => Dataset;
  detail: (options?: DetailDatasetOptions) => DetailDataset;
  advanceClock: (ms: number) => ClockAdvance;
  now: () => number;
  stats: () => StatsReply;
  faults: () => FaultOptions;
  setFaults: (faults: FaultOptions) => void;
}

export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  app.get('/__sim/dataset', () => deps.dataset());
  app.get<{ Querystring: DetailQuery }>('/__sim/detail', { schema: { querystring: DetailQuery } }, (request) =>
    deps.detail({ lineupDetails: request.query.lineupDetails === '1' }),
  );
  app.get('/__sim/stats', { schema: { response: { 200: StatsReply } } }, () => deps.stats());
  app.get('/__sim/faults', { schema: { response: { 200: FaultsBody } } }, () => deps.faults());
  app.post<{ Body: FaultsBody }>('/__sim/faults', { schema: { body: FaultsBody, response: { 200: FaultsBody } } }, (request) => {
    deps.setFaults(request.body);
    return deps.faults();
  });
  app.get('/__sim/clock', { schema: { response: { 200: ClockNow } } }, (): ClockNow => {
    const now = deps.now();
    return { now: new Date(now).toISOString(), formatted: formatDateTime(now) };
  });
  app.post<{ Body: ClockBody }>('/__sim/clock', { schema: { body: ClockBody, response: { 200: ClockReply } } }, (request): ClockReply => {
    const moved = deps.advanceClock(request.body.advanceMs);
    return { now: new Date(moved.toMs).toISOString(), fixtureIds: moved.fixtureIds, teamIds: moved.teamIds };
  });
}
