// Shared by the orchestrator benchmarks: HTTP helpers against a running stack and the
// fetch-only walk of what a `POST /sync/all?seasons=all` run covers.
import { request } from 'undici';
import { withConnection } from '@insightxi/mysql';

export interface Timed<T> {
  ms: number;
  value: T;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

export async function callJson(method: 'GET' | 'POST', url: string, token: string): Promise<{ status: number; body: unknown }> {
  const res = await request(url, { method, headers: { authorization: `Bearer ${token}` }, headersTimeout: 0, bodyTimeout: 0 });
  return { status: res.statusCode, body: await res.body.json() };
}

interface Page {
  data: { id: number; isCurrent?: boolean; homeTeamId?: number | null; awayTeamId?: number | null }[];
  next: string | null;
}

/** Follows `next` through one fetcher scope; returns the records seen. */
async function walk(fetcherUrl: string, token: string, entity: string, query: Record<string, string>): Promise<Page['data']> {
  const records: Page['data'] = [];
  let cursor: string | null = null;
  do {
    const params: URLSearchParams = new URLSearchParams(cursor === null ? query : { ...query, cursor });
    const answer: { status: number; body: unknown } = await callJson('GET', `${fetcherUrl}/${entity}?${params.toString()}`, token);
    if (answer.status !== 200) throw new Error(`GET /${entity} answered ${String(answer.status)}`);
    const body = answer.body as Page;
    records.push(...body.data);
    cursor = body.next;
  } while (cursor !== null);
  return records;
}

/**
 * The same pages `POST /sync/all?seasons=all&detail=false` reads, read and thrown away: the
 * dictionaries, states, leagues and seasons, then season by season venues, teams, fixtures,
 * standings, referees, top scorers and the squads of the season's teams (one call per team).
 */
export async function fetchOnlyWalk(fetcherUrl: string, token: string): Promise<number> {
  let records = 0;
  for (const entity of ['types', 'countries', 'states', 'leagues']) records += (await walk(fetcherUrl, token, entity, {})).length;
  const seasons = await walk(fetcherUrl, token, 'seasons', {});
  records += seasons.length;
  for (const season of seasons) {
    const scope = { seasons: String(season.id) };
    const teams = new Set<number>();
    for (const entity of ['venues', 'teams', 'fixtures', 'standings', 'referees', 'topscorers']) {
      const found = await walk(fetcherUrl, token, entity, scope);
      records += found.length;
      if (entity === 'teams') for (const team of found) teams.add(team.id);
      if (entity === 'fixtures') for (const f of found) for (const id of [f.homeTeamId, f.awayTeamId]) if (typeof id === 'number') teams.add(id);
    }
    if (teams.size > 0) records += (await walk(fetcherUrl, token, 'squads', { ...scope, teams: [...teams].sort((a, b) => a - b).join(',') })).length;
  }
  return records;
}

/** Peak resident set size of a process (VmHWM), in MiB. Linux only. */
export async function peakRssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  if (!match?.[1]) throw new Error(`no VmHWM for pid ${String(pid)}`);
  return Number(match[1]) / 1024;
}

export const ratio = (a: number, b: number): string => (a / b).toFixed(2);

/** Empties every table of the database but the migrations' own, so that the next sync is a first one again. */
export async function emptyTables(databaseUrl: string): Promise<void> {
  await withConnection(databaseUrl, async (connection) => {
    const tables = await connection.query<{ name: string }[]>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    await connection.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { name } of tables) await connection.query(`TRUNCATE TABLE \`${name}\``);
    await connection.query('SET FOREIGN_KEY_CHECKS = 1');
  });
}
