import { startSimulator, type Simulator, type SimulatorOptions } from '../src/index.ts';

export const START = '2026-11-23T12:00:00Z';

export async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ seed: 42, clock: { start: START, speed: 0 }, ...options });
}

export interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown>;
}

function parseOrEmpty(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function call(sim: Simulator, path: string, headers: Record<string, string> = { authorization: 'demo' }): Promise<Answer> {
  const response = await fetch(`${sim.url}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, text, body: parseOrEmpty(text) };
}

export interface Page {
  data?: Record<string, unknown>[];
  pagination?: { count: number; per_page: number; current_page: number; next_page: string | null; has_more: boolean; next_cursor: string | null };
  rate_limit: { resets_in_seconds: number; remaining: number; requested_entity: string };
  message?: string;
}

export async function page(sim: Simulator, path: string): Promise<Page> {
  const answer = await call(sim, path);
  if (answer.status !== 200) throw new Error(`${path}: ${String(answer.status)} ${answer.text}`);
  return answer.body as unknown as Page;
}

/** Walks a list by next_cursor until has_more is false; returns every record seen, in order. */
export async function walk(sim: Simulator, path: string): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let next: string | null = path;
  while (next !== null) {
    const p: Page = await page(sim, next);
    seen.push(...(p.data ?? []));
    next = p.pagination?.has_more && p.pagination.next_cursor ? `${path}${separator}cursor=${p.pagination.next_cursor}` : null;
  }
  return seen;
}
