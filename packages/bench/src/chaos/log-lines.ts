// Reading the services' JSON log lines (as @insightxi/stack prefixes them: `[service] {…}`).
// Fastify logs one `request completed` line per answer with its status, which survives the
// restarts that reset a process's /metrics counters.

export interface Answer {
  service: string;
  reqId: string;
  statusCode: number;
}

const PREFIXED = /^\[([a-z-]+)\] (\{.*\})$/;

/** The answer a `request completed` line reports, or null for any other line. */
export function answerOf(line: string): Answer | null {
  const match = PREFIXED.exec(line);
  if (!match?.[1] || !match[2]) return null;
  let entry: unknown;
  try {
    entry = JSON.parse(match[2]);
  } catch {
    return null;
  }
  if (typeof entry !== 'object' || entry === null) return null;
  const { msg, res, reqId } = entry as { msg?: unknown; res?: { statusCode?: unknown }; reqId?: unknown };
  if (msg !== 'request completed' || typeof res?.statusCode !== 'number') return null;
  return { service: match[1], reqId: String(reqId), statusCode: res.statusCode };
}

/** A request the service started (`incoming request`), for triggering a kill while it is in flight. */
export function incomingOf(line: string): { service: string; reqId: string; method: string; url: string } | null {
  const match = PREFIXED.exec(line);
  if (!match?.[1] || !match[2] || !match[2].includes('"incoming request"')) return null;
  try {
    const entry = JSON.parse(match[2]) as { reqId?: unknown; req?: { method?: unknown; url?: unknown } };
    const { method, url } = entry.req ?? {};
    return typeof method === 'string' && typeof url === 'string' ? { service: match[1], reqId: String(entry.reqId), method, url } : null;
  } catch {
    return null;
  }
}
