/** A run with the same scope is already running (the writer enforces it with a unique key). */
export class RunConflictError extends Error {
  readonly activeRunId: number | null;
  constructor(activeRunId: number | null, message?: string) {
    super(message ?? (activeRunId === null ? 'a run with the same scope is running' : `run ${activeRunId} with the same scope is running`));
    this.name = 'RunConflictError';
    this.activeRunId = activeRunId;
  }
}

/**
 * A downstream call failed. `transient` errors (connection refused, timeouts, 5xx, 429) are
 * retried with backoff; the others fail the run at once.
 */
export class DependencyError extends Error {
  readonly service: string;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly transient: boolean;
  /** When the dependency said it can serve again (e.g. the SportMonks budget resumes), unix ms. */
  readonly retryAt: number | null;
  constructor(
    service: string,
    message: string,
    opts: { status?: number | null; requestId?: string | null; transient: boolean; retryAt?: number | null; cause?: unknown },
  ) {
    super(message, { cause: opts.cause });
    this.name = 'DependencyError';
    this.service = service;
    this.status = opts.status ?? null;
    this.requestId = opts.requestId ?? null;
    this.transient = opts.transient;
    this.retryAt = opts.retryAt ?? null;
  }
}

export class RunCancelledError extends Error {
  constructor(reason = 'cancelled') {
    super(reason);
    this.name = 'RunCancelledError';
  }
}
