// The SportMonks endpoints: which records each returns, in which order, paged or not.
import { CORE_ROUTES } from './core.ts';
import { FIXTURE_ROUTES } from './fixtures.ts';
import { PEOPLE_ROUTES } from './people.ts';
import { REFERENCE_ROUTES } from './reference.ts';
import type { Route } from './route.ts';
import { TABLE_ROUTES } from './tables.ts';

export type { Outcome, RequestContext, Route } from './route.ts';

export const ROUTES: Route[] = [...REFERENCE_ROUTES, ...CORE_ROUTES, ...FIXTURE_ROUTES, ...TABLE_ROUTES, ...PEOPLE_ROUTES];
