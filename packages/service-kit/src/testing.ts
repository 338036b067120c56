import type { FastifyInstance } from 'fastify';

export { registeredRoutes, type RegisteredRoute } from './routes.ts';

export type LogLine = Record<string, unknown> & { level: number; msg?: string; reqId?: string; name?: string };

export interface CapturedLogs {
  /** Pass as `logger.stream` to buildService. */
  stream: { write(chunk: string): void };
  /** Everything written, as it would have reached stdout. */
  text(): string;
  /** Each JSON line, parsed. */
  lines(): LogLine[];
  /** Lines carrying this request id. */
  forRequest(requestId: string): LogLine[];
}

export function captureLogs(): CapturedLogs {
  const chunks: string[] = [];
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);
  return {
    stream: {
      write(chunk: string) {
        chunks.push(chunk);
      },
    },
    text,
    lines,
    forRequest: (requestId) => lines().filter((line) => line.reqId === requestId),
  };
}

/** Listens on an ephemeral port on 127.0.0.1 and returns the base URL (no signal handlers, unlike startService). */
export async function listenEphemeral(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return `http://127.0.0.1:${address.port}`;
}
