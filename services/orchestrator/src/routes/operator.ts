// What the operators' routes (/sync/*) share: they need the operator token (OPERATOR_TOKEN, and
// during a rotation OPERATOR_TOKEN_PREVIOUS) instead of the internal one.
import { acceptedTokens, requireBearer, type App } from '@insightxi/service-kit';
import type { OrchestratorConfig } from '../config.ts';

/** The OpenAPI `security` of an operator route. */
export const security = [{ bearerAuth: [] }];

/** Every route of `scope` needs the operator token; call it before the routes are added. */
export function requireOperator(scope: App, config: OrchestratorConfig): void {
  requireBearer(scope, acceptedTokens(config.OPERATOR_TOKEN, config.OPERATOR_TOKEN_PREVIOUS));
}
