// The HTTP face of the simulator: auth, rate limits, faults and the envelope around the API routes.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { ROUTES, type RequestContext, type Route } from './api/index.ts';
import type { ClockOptions } from './clock.ts';
import { snapshot, type Dataset } from './dataset.ts';
import { includeNotInPlan, tooComplex, NO_RESULT_MESSAGE, NOT_FOUND, UNAUTHENTICATED, type ApiError } from './errors.ts';
import { FAULT_KINDS, FaultPlan, type CallFaults, type FaultKind, type FaultOptions } from './faults.ts';
import type { IncludeTree } from './includes.ts';
import { parseQuery, type QueryInput } from './query.ts';
import { RateLimiter, type Budget } from './rate-limit.ts';
import { recordChanges, type FixtureChange } from './change-log.ts';
import { registerControlRoutes } from './control.ts';
import { detailSnapshot, type DetailDataset, type DetailDatasetOptions } from './detail/dataset.ts';
import { MatchDetails } from './detail/store.ts';
import { DEFAULT_LEAGUES } from './names.ts';
import { Serializer } from './serialize.ts';
import { VersionedCache } from './versioned-cache.ts';
import { World, type ClockAdvance } from './world.ts';

export interface SimulatorOptions {
  /** 0 = an ephemeral port (default). */
  port?: number;
  host?: string;
  /** Same seed (and clock) → byte-identical responses. Default 42. */
  seed?: number;
  /** Multiplies the number of leagues; 25 gives ≥ 100,000 fixtures. Default 1. */
  scale?: number;
  /** Leagues before scaling. Default 9: 271 Superliga, 501 Premiership, their play-offs 513 and 1659, four plain leagues and a cup. */
  leagues?: number;
  /** Seasons per league, the last one current. Default 3. */
  seasonsPerLeague?: number;
  /** The accepted API token. Default 'demo'. */
  token?: string;
  /** Leagues the plan does not cover: 403 when asked for directly, left out of lists. */
  deniedLeagues?: number[];
  /** Includes the plan does not cover (a name matches at any depth, a dotted path only there): asking for one fails the whole call with 403 (code 5002). */
  deniedIncludes?: string[];
  /**
   * Stands in for SportMonks' complexity threshold: a call whose include tree has more nodes than
   * this (`lineups.player` counts 2) fails whole with 422, code 5004. Default: no limit.
   */
  maxIncludes?: number;
  /** Calls per entity per simulated hour. Default 3000. */
  budgetPerHour?: number;
  /** 'paid' sends subscription meta as an object, 'free' as []. Default 'paid'. */
  plan?: 'paid' | 'free';
  clock?: ClockOptions;
  faults?: FaultOptions;
  /** Reuse built pages until the clock changes something. Default true (off only to measure the cold path). */
  pageCache?: boolean;
  /** Fastify request logging (pino JSON). Default false. */
  logger?: boolean;
  /** Keep every fixture change with its time and the fixture after it (`changes()`). Default false. */
  changeLog?: boolean;
  /**
   * A match event appearing (a card, a substitution) or taken away by VAR touches its fixture, so
   * that the latest-updated feed and the change log report it, as upstream does. Default false:
   * only the score and the state touch a fixture (the fixtures the feed reports stay as they were).
   */
  eventsTouchFixtures?: boolean;
}

export interface SimulatorStats {
  requests: number;
  calls: Record<string, number>;
  rateLimited: number;
  errors: Record<string, number>;
  faults: Record<FaultKind, number>;
}

export interface Simulator {
  url: string;
  port: number;
  app: FastifyInstance;
  dataset(): Dataset;
  /** Ground truth of match detail, players, squads, referees and top scorers (also `GET /__sim/detail`). */
  detail(options?: DetailDatasetOptions): DetailDataset;
  /** Moves simulated time forward and applies what happens meanwhile. */
  advanceClock(ms: number): ClockAdvance;
  /** Simulated now, unix ms. */
  now(): number;
  stats(): SimulatorStats;
  setFaults(faults: FaultOptions): void;
  /** The fixture changes so far, oldest first (empty unless started with `changeLog: true`). */
  changes(): readonly FixtureChange[];
  /** A scenario's own change, ahead of the clock: the fixture postponed or deleted at `atMs`. */
  injectChange(atMs: number, fixtureId: number, kind: 'postpone' | 'delete'): void;
  close(): Promise<void>;
}

const MAX_CACHED_PAGE_BYTES = 512 * 1024;
const RATE_LIMIT_LINK = 'https://docs.sportmonks.com/football/api/rate-limit';
const BAD_GATEWAY_HTML = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';

/** The first include the plan lacks: listed by name (any depth) or by dotted path (`lineups.details`). */
function findInclude(tree: IncludeTree, names: ReadonlySet<string>, prefix = ''): string | undefined {
  for (const [name, node] of tree) {
    const path = `${prefix}${name}`;
    if (names.has(name)) return name;
    if (names.has(path)) return path;
    const nested = findInclude(node.children, names, `${path}.`);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function includeNodes(tree: IncludeTree): number {
  let count = 0;
  for (const node of tree.values()) count += 1 + includeNodes(node.children);
  return count;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

export function buildSimulator(options: SimulatorOptions = {}): Omit<Simulator, 'url' | 'port' | 'close'> {
  const seed = options.seed ?? 42;
  const token = options.token ?? 'demo';
  const budget = options.budgetPerHour ?? 3000;
  const denied = new Set(options.deniedLeagues ?? []);
  const deniedIncludes = new Set(options.deniedIncludes ?? []);
  const world = new World({
    seed,
    leagueCount: Math.max(1, Math.round((options.leagues ?? DEFAULT_LEAGUES.length) * (options.scale ?? 1))),
    seasonsPerLeague: Math.max(1, options.seasonsPerLeague ?? 3),
    clock: options.clock,
  });
  const details = new MatchDetails(world);
  if (options.eventsTouchFixtures === true) {
    world.followDetail((f) => details.detail(f)?.events.flatMap((e) => (e.untilMs === null ? [e.atMs] : [e.atMs, e.untilMs])) ?? []);
  }
  const ser = new Serializer(world, details);
  const changes: readonly FixtureChange[] = options.changeLog === true ? recordChanges(world, ser) : [];
  const faults = new FaultPlan(seed, options.faults);
  const limiter = new RateLimiter(budget);
  const bursts = new Map<string, number>();
  const hung = new Set<Socket>();
  const stats: SimulatorStats = {
    requests: 0,
    calls: {},
    rateLimited: 0,
    errors: {},
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
  let callSeq = 0;
  const pages = new VersionedCache<Buffer>(512);
  const lists = new VersionedCache<unknown>(256);

  // fixtures/multi takes up to 50 ids in one path segment: well past Fastify's default of 100 characters.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true, routerOptions: { maxParamLength: 1000 } });
  app.addHook('onClose', () => {
    for (const socket of hung) socket.destroy();
    hung.clear();
  });

  const subscription = (): string =>
    options.plan === 'free'
      ? '[{"meta":[],"plans":[{"plan":"Football Free Plan","sport":"Football","category":"Free"}],"add_ons":[],"widgets":[]}]'
      : `[{"meta":{"trial_ends_at":null,"ends_at":"2027-08-01 00:00:00","current_timestamp":${Math.floor(world.now() / 1000)}},"plans":[{"plan":"Football Advanced","sport":"Football","category":"Advanced"}],"add_ons":[],"widgets":[]}]`;

  const sendError = (reply: FastifyReply, error: ApiError): FastifyReply => {
    stats.errors[error.status] = (stats.errors[error.status] ?? 0) + 1;
    return reply.code(error.status).header('content-type', 'application/json').send(JSON.stringify(error.body));
  };

  const sendRateLimited = (reply: FastifyReply, entity: string): FastifyReply => {
    stats.rateLimited++;
    const left: Budget = limiter.peek(entity, world.now());
    const resetAt = Math.floor(world.now() / 1000) + left.resetsInSeconds;
    return reply
      .code(429)
      .header('content-type', 'application/json')
      .send(JSON.stringify({ message: 'You have reached your rate limit', link: RATE_LIMIT_LINK, reset_code: `${entity}-${resetAt}` }));
  };

  const hang = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.hijack();
    const socket = request.raw.socket;
    hung.add(socket);
    const timer = setTimeout(() => {
      hung.delete(socket);
      socket.destroy();
    }, faults.hangMs());
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      hung.delete(socket);
    });
  };

  const inject = (kind: FaultKind): void => {
    stats.faults[kind]++;
  };

  const serve = async (route: Route, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    stats.requests++;
    const call = ++callSeq;
    const query = request.query as QueryInput;
    const given = single(query.api_token) ?? request.headers.authorization;
    if (given !== token) return sendError(reply, UNAUTHENTICATED);
    world.tick();
    const now = world.now();
    const entity = route.entity;
    const decided: CallFaults = faults.decide(call);
    if (decided.drop) {
      inject('drop');
      reply.hijack();
      request.raw.socket.destroy();
      return undefined;
    }
    if (decided.hang) {
      inject('hang');
      hang(request, reply);
      return undefined;
    }
    let burst = bursts.get(entity) ?? 0;
    if (decided.burst && burst === 0) {
      inject('rateLimitBurst');
      burst = faults.burstLength();
    }
    if (burst > 0) {
      bursts.set(entity, burst - 1);
      return sendRateLimited(reply, entity);
    }
    if (limiter.peek(entity, now).remaining <= 0) return sendRateLimited(reply, entity);
    if (decided.errorStatus !== null) {
      inject('error5xx');
      stats.errors[decided.errorStatus] = (stats.errors[decided.errorStatus] ?? 0) + 1;
      if (decided.errorStatus === 502) return reply.code(502).header('content-type', 'text/html').send(BAD_GATEWAY_HTML);
      const message = decided.errorStatus === 500 ? 'Server Error' : 'Service Unavailable';
      return reply.code(decided.errorStatus).header('content-type', 'application/json').send(JSON.stringify({ message }));
    }

    const q = parseQuery(query, route.kind, route.filters, route.paged);
    if ('status' in q) return sendError(reply, q);
    const notInPlan = deniedIncludes.size > 0 ? findInclude(q.include, deniedIncludes) : undefined;
    if (notInPlan !== undefined) return sendError(reply, includeNotInPlan(notInPlan));
    if (options.maxIncludes !== undefined && includeNodes(q.include) > options.maxIncludes) return sendError(reply, tooComplex());
    const host = request.headers.host ?? `127.0.0.1:${String(request.socket.localPort)}`;
    // Faults that change the body make the page unshareable.
    const cacheable = options.pageCache !== false && route.live !== true && decided.malformed === null && !decided.duplicate;
    const cacheKey = `${host}${request.url}`;
    // Flags such as games_in_current_week move with time alone: a page lives at most a simulated minute.
    const pageVersion = `${String(world.version)}@${String(Math.floor(now / 60_000))}`;
    let head = cacheable ? pages.get(cacheKey, pageVersion) : undefined;
    if (head === undefined) {
      const ctx: RequestContext = {
        world,
        ser,
        details,
        q,
        params: request.params as Record<string, string | undefined>,
        denied,
        faults: decided,
        memo: (key, build) => lists.get(key, world.version, build),
        urlWith: (overrides) => {
          const url = new URL(request.url, `http://${host}`);
          url.searchParams.delete('api_token');
          if ('cursor' in overrides) url.searchParams.delete('page');
          for (const [key, value] of Object.entries(overrides)) url.searchParams.set(key, value);
          return url.toString();
        },
      };
      const outcome = route.handle(ctx);
      if (outcome.type === 'error') return sendError(reply, outcome.error);
      if (outcome.type === 'empty') head = Buffer.from(`{"message":${JSON.stringify(NO_RESULT_MESSAGE)},`);
      else {
        if (decided.malformed && outcome.data !== '[]') inject('malformed');
        if (decided.duplicate && route.paged && (q.page > 1 || q.cursor !== null) && outcome.data !== '[]') inject('duplicate');
        head = Buffer.from(
          `{"data":${outcome.data},` +
            (outcome.pagination === null ? '' : `"pagination":${outcome.pagination},`) +
            (outcome.message === undefined ? '' : `"message":${JSON.stringify(outcome.message)},`),
        );
      }
      // Pages of match detail run to megabytes: caching 512 of them would cost more memory than building them costs time.
      if (cacheable && head.length <= MAX_CACHED_PAGE_BYTES) pages.set(cacheKey, pageVersion, head);
    }

    const left = limiter.spend(entity, now);
    stats.calls[entity] = (stats.calls[entity] ?? 0) + 1;
    const tail = `"subscription":${subscription()},"rate_limit":{"resets_in_seconds":${left.resetsInSeconds},"remaining":${left.remaining},"requested_entity":"${entity}"},"timezone":${JSON.stringify(q.timezone)}}`;
    const body = Buffer.concat([head, Buffer.from(tail)]);
    if (decided.latencyMs > 0) {
      inject('latency');
      await new Promise((resolve) => setTimeout(resolve, decided.latencyMs));
    }
    if (decided.truncate) {
      inject('truncate');
      const cut = body.subarray(0, Math.max(1, Math.floor(body.length * 0.6)));
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': cut.length });
      reply.raw.end(cut);
      return undefined;
    }
    return reply.header('content-type', 'application/json').send(body);
  };

  for (const route of ROUTES) {
    app.get(route.path, (request, reply) => serve(route, request, reply));
  }
  app.setNotFoundHandler((_request, reply) => sendError(reply, NOT_FOUND));

  const dataset = (): Dataset => {
    world.tick();
    return snapshot(world, ser);
  };
  const detail = (detailOptions?: DetailDatasetOptions): DetailDataset => {
    world.tick();
    return detailSnapshot(world, ser, details, detailOptions);
  };
  const advanceClock = (ms: number): ClockAdvance => world.advance(ms);
  const copyStats = (): SimulatorStats => structuredClone(stats);
  const setFaults = (next: FaultOptions): void => {
    faults.replace(next);
    bursts.clear();
  };

  registerControlRoutes(app, { dataset, detail, advanceClock, now: () => world.now(), stats: copyStats, faults: () => faults.current, setFaults });

  return {
    app,
    dataset,
    detail,
    advanceClock,
    now: () => world.now(),
    stats: copyStats,
    setFaults,
    changes: () => changes,
    injectChange: (atMs, fixtureId, kind) => {
      world.injectChange(atMs, fixtureId, kind);
    },
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const built = buildSimulator(options);
  const host = options.host ?? '127.0.0.1';
  await built.app.listen({ port: options.port ?? 0, host });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    ...built,
    url: `http://${urlHost}:${String(port)}`,
    port,
    close: () => built.app.close(),
  };
}
