import { registeredRoutes } from '@insightxi/service-kit/testing';
import { DEFAULT_LIMITS, type App } from '@insightxi/service-kit';
import { describeProblems, generateBadRequests, probe, tally, unknownRouteRequests, type ProbeOptions } from '../src/index.ts';


export interface BadInputReport {
  malformed: number;
  hostile: number;
  problems: string[];
  /** Calls the service made to its dependencies while answering the malformed requests. */
  downstreamCallsForMalformed: number;
}

export interface BadInputOptions extends ProbeOptions {
  /** Calls made to the service's dependencies so far (a counting stand-in or the simulator). */
  downstreamCalls?: () => number;
}

/** Sends every generated bad request (malformed ones first), prints the counts, returns the wrong answers. */
export async function sendBadInput(service: string, app: App, headers: Record<string, string>, options: BadInputOptions = {}): Promise<BadInputReport> {
  await app.ready();
  const requests = [...generateBadRequests(registeredRoutes(app), { headers, bodyLimit: DEFAULT_LIMITS.bodyLimit }), ...unknownRouteRequests(headers)];
  const calls = options.downstreamCalls ?? (() => 0);
  const before = calls();
  const malformed = await probe(app, requests.filter((request) => request.mustRefuse), options);
  const downstreamCallsForMalformed = calls() - before;
  const hostile = await probe(app, requests.filter((request) => !request.mustRefuse), options);
  const outcomes = [...malformed, ...hostile];
  const counts = tally(outcomes);
  console.log(
    `${service}: ${counts.malformed} malformed requests (must be 4xx), ${counts.hostile} schema-valid hostile ones (must not be 5xx); statuses ${JSON.stringify(counts.statuses)}`,
  );
  return { malformed: counts.malformed, hostile: counts.hostile, problems: describeProblems(outcomes), downstreamCallsForMalformed };
}
