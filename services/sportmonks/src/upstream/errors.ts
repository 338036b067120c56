// Failures of a SportMonks call, each with the status our caller gets. Messages are public:
// they name the upstream status and message, never the token or the full URL.

export class FetchError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string> | undefined;

  constructor(statusCode: number, message: string, options?: { headers?: Record<string, string>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.headers = options?.headers;
  }
}

/** A 4xx other than 429: the request itself is wrong (token, plan, parameter); retrying cannot help. */
export class UpstreamRefusedError extends FetchError {
  readonly upstreamStatus: number;
  readonly upstreamCode: number | null;
  /** SportMonks' own message (token scrubbed), e.g. "You do not have access to the 'odds' include". */
  readonly upstreamMessage: string | null;

  constructor(upstreamStatus: number, upstreamCode: number | null, message: string, upstreamMessage: string | null = null) {
    super(502, message);
    this.upstreamStatus = upstreamStatus;
    this.upstreamCode = upstreamCode;
    this.upstreamMessage = upstreamMessage;
  }
}

/** Network error, timeout, 5xx or an unreadable body: worth another attempt. */
export class TransientUpstreamError extends FetchError {
  constructor(message: string, options?: { cause?: unknown; timeout?: boolean }) {
    super(options?.timeout === true ? 504 : 502, message, options);
  }
}

/** The body parsed but is not a SportMonks envelope. */
export class EnvelopeError extends FetchError {
  constructor(message: string) {
    super(502, message);
  }
}

/** SportMonks answered 429 for this entity. Internal: the caller waits for the reset instead. */
export class RateLimitedError extends Error {
  readonly entity: string;

  constructor(entity: string) {
    super(`SportMonks rate limit reached for ${entity}`);
    this.name = 'RateLimitedError';
    this.entity = entity;
  }
}

/** The entity's budget is spent for longer than a request may wait: come back after Retry-After. */
export class BudgetExhaustedError extends FetchError {
  constructor(entity: string, retryAfterSeconds: number, resumesAt: string) {
    super(503, `SportMonks budget for ${entity} is spent; it resumes at ${resumesAt}`, {
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
