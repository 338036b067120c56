// Failures the caller can act on, raised by plain modules; routes turn them into HTTP answers.
export class DomainError extends Error {
  readonly statusCode: 404 | 409 | 422;
  /** Extra fields for the error body (e.g. the running run a 409 is about). */
  readonly details: Record<string, unknown>;

  constructor(statusCode: 404 | 409 | 422, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.statusCode = statusCode;
    this.details = details;
  }
}

export const notFound = (message: string) => new DomainError(404, message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError(409, message, details);
export const unprocessable = (message: string) => new DomainError(422, message);
