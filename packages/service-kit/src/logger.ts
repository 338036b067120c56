import type { IncomingMessage } from 'node:http';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { REDACT_PATHS, scrubSecrets } from './redact.ts';

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where JSON lines go; tests pass a writable to read them back. Defaults to stdout. */
  stream?: DestinationStream;
  /** Human-readable output; honoured only when stdout is a TTY and no stream is given. */
  pretty?: boolean;
}

export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const usePretty = options.pretty === true && options.stream === undefined && process.stdout.isTTY;
  const base = {
    name,
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    hooks: { streamWrite: scrubSecrets },
    serializers: {
      req: serializeRequest,
      err: pino.stdSerializers.err,
    },
  };
  if (usePretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return options.stream === undefined ? pino(base) : pino(base, options.stream);
}

interface SerializableRequest {
  method?: string;
  url?: string;
  headers?: IncomingMessage['headers'];
  socket?: { remoteAddress?: string | undefined } | undefined;
  ip?: string;
}

/** The request as logged: no headers (they carry tokens), the URL with secrets removed. */
function serializeRequest(req: SerializableRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : scrubSecrets(req.url),
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
  };
}
