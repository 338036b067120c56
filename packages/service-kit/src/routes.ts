import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One method of one route as it was registered, for checks that must cover every route. */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  config: RouteOptions['config'];
}

const registries = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Must run before any route is added: onRoute hooks only see the routes that follow them. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, schema: route.schema, config: route.config });
    }
  });
}

/** Every route of an app made by buildService, hidden ones (docs, metrics) included. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  const routes = registries.get(app);
  if (routes === undefined) throw new Error('registeredRoutes needs an app made by buildService');
  return routes;
}
