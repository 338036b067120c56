// Failures the caller can act on, raised by plain modules; routes turn them into HTTP answers.
export class DomainError extends Error {
  readonly statusCode: 404 | 409 | 422 | 503;
  /** Extra fields for the error body (e.g. the running run a 409 is about). */
  readonly details: Record<string, unknown>;

  constructor(statusCode: 404 | 409 | 422 | 503, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.statusCode = statusCode;
    this.details = details;
  }
}

export const notFound = (message: string) => new DomainError(404, message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError(409, message, details);
export const unprocessable = (message: string) => new DomainError(422, message);
/** Not now, but the same call may succeed shortly. */
export const unavailable = (message: string) => new DomainError(503, message);

// MariaDB refusals of a value that passed the schema but not its column (too long, out of the
// INT range, not a real date): the caller's data is at fault, so they answer 422, not 500.
const VALUE_REFUSED_BY_COLUMN: Record<string, string> = {
  ER_DATA_TOO_LONG: 'a value is longer than its column allows',
  ER_WARN_DATA_OUT_OF_RANGE: 'a number is out of its column range',
  ER_TRUNCATED_WRONG_VALUE: 'a value is not valid for its column',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: 'a value is not valid for its column',
};
// The same refusals as Prisma reports them.
const PRISMA_VALUE_REFUSED: Record<string, string> = {
  P2000: 'a value is longer than its column allows',
  P2020: 'a number is out of its column range',
  P2033: 'a number is out of its column range',
};

/** The 422 a driver or Prisma error stands for, or null when it is not the caller's fault. */
export function fromColumnRefusal(error: unknown): DomainError | null {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return null;
  const isPrisma = 'clientVersion' in error;
  const message = isPrisma ? PRISMA_VALUE_REFUSED[error.code] : VALUE_REFUSED_BY_COLUMN[error.code];
  return message === undefined ? null : unprocessable(message);
}
