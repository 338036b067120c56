import { STATUS_CODES } from 'node:http';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error whose status and message are meant for the caller. Throw it from a route or hook;
 * the error handler turns it into the standard error body. Its message is public, also for 5xx.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    statusCode: number,
    message?: string,
    options?: {
      fields?: FieldError[];
      headers?: Record<string, string>;
      /** Extra body properties for the caller, e.g. `{ activeRunId }` on a 409. */
      details?: Record<string, unknown>;
      cause?: unknown;
    },
  ) {
    super(message ?? STATUS_CODES[statusCode] ?? 'Error', { cause: options?.cause });
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.fields = options?.fields;
    this.headers = options?.headers;
    this.details = options?.details;
  }
}

export function statusText(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}
