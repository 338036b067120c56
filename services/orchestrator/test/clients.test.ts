import { describe, expect, it } from 'vitest';
import { ServiceCallError } from '@insightxi/http-client';
import { toDependencyError } from '../src/clients/errors.ts';
import { DependencyError } from '../src/engine/errors.ts';

const callError = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  new ServiceCallError(
    { service: 'sportmonks', method: 'GET', path: '/fixtures', kind: 'status', status, body: { statusCode: status, error: 'x', message, requestId: 'req-1', ...extra }, requestId: 'req-1', attempts: 1 },
    `HTTP ${String(status)}`,
  );

describe('downstream errors as the engine sees them', () => {
  it('reads when a spent SportMonks budget resumes', () => {
    const error = toDependencyError(callError(503, 'SportMonks budget for Fixture is spent; it resumes at 2026-11-23T11:00:00.000Z'), 'sportmonks');
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ transient: true, status: 503, requestId: 'req-1', retryAt: Date.parse('2026-11-23T11:00:00.000Z') });
  });

  it('treats 5xx and 429 as worth waiting for, other 4xx not', () => {
    expect(toDependencyError(callError(502, 'bad gateway'), 'sportmonks')).toMatchObject({ transient: true, retryAt: null });
    expect(toDependencyError(callError(429, 'slow down'), 'database')).toMatchObject({ transient: true });
    expect(toDependencyError(callError(400, 'bad scope'), 'sportmonks')).toMatchObject({ transient: false });
  });

  it('treats a fetcher 502 naming an upstream 4xx refusal as permanent, an upstream 429 not', () => {
    expect(toDependencyError(callError(502, 'SportMonks refused the API token (401)', { upstreamStatus: 401 }), 'sportmonks')).toMatchObject({ transient: false, status: 502 });
    expect(toDependencyError(callError(502, 'plan', { upstreamStatus: 403 }), 'sportmonks')).toMatchObject({ transient: false });
    expect(toDependencyError(callError(502, 'odd', { upstreamStatus: 429 }), 'sportmonks')).toMatchObject({ transient: true });
  });
});
