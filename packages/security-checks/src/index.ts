export { generateBadRequests, unknownRouteRequests, isOpenByDesign, type BadRequest, type GenerateOptions } from './bad-requests.ts';
export { probe, describeProblems, tally, errorBodyProblem, type Outcome, type Tally, type ProbeOptions } from './probe.ts';
export { probeAuth, protectedRoutes, wrongCredentials, type AuthFailure } from './auth-probe.ts';
