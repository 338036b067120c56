// Every route that is not open by design must answer 401 to a missing or wrong token. The list
// comes from the app's registered routes, so a route added tomorrow is checked tomorrow.
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { RegisteredRoute } from '@insightxi/service-kit/testing';
import { isOpenByDesign } from './bad-requests.ts';
import { errorBodyProblem, injectSettled } from './probe.ts';

export interface AuthFailure {
  route: string;
  credentials: string;
  status: number;
  problem: string;
}

/** Authorization headers that must all be refused; the undefined one sends none. */
export function wrongCredentials(token: string): Record<string, string | undefined> {
  return {
    'no Authorization header': undefined,
    'a wrong bearer token': 'Bearer wrong-token-0123456789',
    'the token with one more character': `Bearer ${token}x`,
    'the token without its last character': `Bearer ${token.slice(0, -1)}`,
    'the token as Basic credentials': `Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
    'the bare token without a scheme': token,
    'an empty bearer token': 'Bearer ',
  };
}

export function protectedRoutes(routes: readonly RegisteredRoute[]): RegisteredRoute[] {
  return routes.filter((route) => !isOpenByDesign(route.url) && route.method !== 'OPTIONS');
}

/** Fills `:id`-style parameters with `1` and wildcards with `x`: auth comes before validation. */
const concrete = (url: string) => url.replace(/:(\w+)/g, '1').replace('*', 'x');

export async function probeAuth(app: FastifyInstance, routes: readonly RegisteredRoute[], token: string): Promise<{ checked: number; failures: AuthFailure[] }> {
  const failures: AuthFailure[] = [];
  let checked = 0;
  for (const route of protectedRoutes(routes)) {
    for (const [credentials, header] of Object.entries(wrongCredentials(token))) {
      const inject: InjectOptions = {
        method: route.method,
        url: concrete(route.url),
        headers: header === undefined ? {} : { authorization: header },
      };
      const response = await injectSettled(app, inject);
      checked += 1;
      const name = `${route.method} ${route.url}`;
      if (response.statusCode !== 401) {
        failures.push({ route: name, credentials, status: response.statusCode, problem: `expected 401, got ${response.statusCode}` });
        continue;
      }
      const problem = errorBodyProblem(401, route.method, response.body, response.headers['x-request-id']);
      if (problem !== null) failures.push({ route: name, credentials, status: 401, problem });
      if (response.body.includes(token)) failures.push({ route: name, credentials, status: 401, problem: 'the answer contains the token' });
    }
  }
  return { checked, failures };
}
