// Orchestrator peak memory: a fixtures sync of ~100,000 fixtures vs one of ~1,000, side by side
// (goal: peak RSS ratio ≤ 1.5 — pages stream through, nothing accumulates), once without match
// detail (`detail=false`) and once with it (events, lineups, statistics, officials, formations:
// ~50 rows a fixture, pages 30× heavier). The simulator and a real fetcher process feed it; the
// writer is a stub that answers at once, so the run is as fast as the fetcher and the measure is
// the orchestrator's own memory.
// With detail the large world is scaled down by default (--detail-scale 5: ~35,000 fixtures, 2.6
// million detail rows, ~2 minutes here); --detail-scale 25 is the ~100k run, a quarter of an hour
// or more on two shared cores.
// Usage: pnpm --filter @insightxi/bench bench:orchestrator:memory [-- --scale 25 --detail-scale 5 --chunk 1000 --defaults]
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '@insightxi/mysql';
import { startSimulator } from '@insightxi/sportmonks-sim';
import { ServiceProcess, freePort, serviceNodeFlags } from '@insightxi/stack';
import { benchArgs } from './bench-args.ts';
import { reportBench } from './bench-result.ts';
import { callJson, peakRssMiB, ratio, timed } from './orchestrator-support.ts';

const TOKEN = 'bench-internal-token-0123456789';
const OPERATOR = 'bench-operator-token-0123456789';

interface Counters {
  pages: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  upstreamCalls: number;
  rateLimitWaitMs: number;
}

/** Just enough of the writer's API for a run: sync runs in memory, bulk calls counted and dropped. */
async function stubWriter(): Promise<{ url: string; detailRows(): number; close(): Promise<void> }> {
  let detailRows = 0;
  const runs = new Map<number, Record<string, unknown> & { id: number; counters: Counters }>();
  const zero: Counters = { pages: 0, fetched: 0, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 0, rateLimitWaitMs: 0 };
  const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const parts: Buffer[] = [];
    for await (const chunk of req) parts.push(chunk as Buffer);
    return parts.length === 0 ? {} : (JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>);
  };
  const send = (res: ServerResponse, status: number, body: unknown): boolean => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return true;
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const body = req.method === 'GET' ? {} : await readBody(req);
      const now = new Date().toISOString();
      const runMatch = /^\/sync-runs\/(\d+)$/.exec(url.pathname);
      if (url.pathname === '/health/live') return send(res, 200, { status: 'ok' });
      if (req.method === 'POST' && url.pathname === '/sync-runs') {
        const run = { ...body, id: runs.size + 1, status: 'running', cursor: null, plan: body.plan ?? null, counters: zero, error: null, errorRequestId: null, startedAt: now, heartbeatAt: now, finishedAt: null };
        runs.set(run.id, run);
        return send(res, 201, run);
      }
      if (req.method === 'GET' && url.pathname === '/sync-runs') return send(res, 200, { items: [], next: null });
      if (runMatch) {
        const run = runs.get(Number(runMatch[1]));
        if (!run) return send(res, 404, { statusCode: 404, error: 'Not Found', message: 'no run', requestId: '' });
        if (req.method === 'PATCH') {
          const { heartbeat: _h, ...patch } = body;
          Object.assign(run, patch, { heartbeatAt: now });
          if (typeof patch.status === 'string') run.finishedAt = patch.status === 'running' ? null : now;
        }
        return send(res, 200, run);
      }
      if (req.method === 'POST' && url.pathname.endsWith('/bulk')) {
        const list = (body.records as { detail?: Record<string, unknown[]> }[] | undefined) ?? [];
        const records = list.length;
        for (const record of list) for (const rows of Object.values(record.detail ?? {})) detailRows += rows.length;
        const sync = body.sync as { runId: number; checkpoint: { cursor: string | null; add: Counters } } | undefined;
        const run = sync ? runs.get(sync.runId) : undefined;
        if (run && sync) {
          const { add } = sync.checkpoint;
          const sum = (key: keyof Counters) => run.counters[key] + add[key];
          run.counters = { pages: sum('pages'), fetched: sum('fetched'), created: sum('created') + records, updated: sum('updated'), unchanged: sum('unchanged'), quarantined: sum('quarantined'), upstreamCalls: sum('upstreamCalls'), rateLimitWaitMs: sum('rateLimitWaitMs') };
          run.cursor = sync.checkpoint.cursor;
        }
        return send(res, 200, { created: records, updated: 0, unchanged: 0, failed: [], duplicatePage: false });
      }
      if (req.method === 'GET' && url.pathname === '/fixtures') return send(res, 200, { items: [], next: null });
      // A run with detail ends by asking for the stub players and referees: this writer keeps none.
      if (req.method === 'GET' && (url.pathname === '/players' || url.pathname === '/referees')) return send(res, 200, { items: [], next: null });
      if (req.method === 'GET' && url.pathname === '/season-syncs') return send(res, 200, { items: [] });
      return send(res, 404, { statusCode: 404, error: 'Not Found', message: url.pathname, requestId: '' });
    })();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String(port)}`, detailRows: () => detailRows, close: () => new Promise((resolve) => server.close(() => { resolve(); })) };
}

async function measure(
  label: string,
  simOptions: Parameters<typeof startSimulator>[0],
  nodeFlags: readonly string[],
  orchestratorEnv: Record<string, string> = {},
  detail = false,
): Promise<{ fixtures: number; peakMiB: number; ms: number }> {
  const root = repoRoot();
  const sim = await startSimulator({ seed: 3, budgetPerHour: 1_000_000_000, clock: { start: '2026-03-01T12:00:00Z', speed: 0 }, ...simOptions });
  const writer = await stubWriter();
  const common = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', HOST: '127.0.0.1', INTERNAL_TOKEN: TOKEN };
  const fetcherPort = await freePort();
  const orchestratorPort = await freePort();
  const fetcher = new ServiceProcess({
    name: 'sportmonks',
    cwd: join(root, 'services', 'sportmonks'),
    entry: 'src/server.ts',
    env: { ...common, PORT: String(fetcherPort), SPORTMONKS_BASE_URL: sim.url, SPORTMONKS_API_TOKEN: 'demo' },
    baseUrl: `http://127.0.0.1:${String(fetcherPort)}`,
  });
  const orchestrator = new ServiceProcess({
    name: 'orchestrator',
    cwd: join(root, 'services', 'orchestrator'),
    entry: 'src/server.ts',
    nodeFlags,
    env: { ...common, ...orchestratorEnv, PORT: String(orchestratorPort), OPERATOR_TOKEN: OPERATOR, DATABASE_SERVICE_URL: writer.url, SPORTMONKS_SERVICE_URL: fetcher.baseUrl },
    baseUrl: `http://127.0.0.1:${String(orchestratorPort)}`,
  });
  try {
    fetcher.start();
    await fetcher.waitReady();
    orchestrator.start();
    await orchestrator.waitReady();
    const pid = orchestrator.pid;
    if (pid === undefined) throw new Error('no orchestrator pid');
    const run = await timed(() => callJson('POST', `${orchestrator.baseUrl}/sync/fixtures?seasons=all&wait=true${detail ? '' : '&detail=false'}`, OPERATOR));
    const summary = run.value.body as { status: string; counters: Counters };
    if (summary.status !== 'succeeded') throw new Error(`${label}: ${JSON.stringify(summary)}`);
    const peakMiB = await peakRssMiB(pid);
    const fixtures = summary.counters.fetched;
    const detailRows = writer.detailRows();
    // With detail asked for, a run that brought none measured the light pages only.
    if (detail && detailRows === 0) throw new Error(`${label}: the run brought no match detail`);
    const fetcherMiB = fetcher.pid === undefined ? 0 : await peakRssMiB(fetcher.pid);
    console.log(
      `${label}: ${String(fixtures)} fixtures${detail ? ` with ${String(detailRows)} detail rows` : ''} in ${(run.ms / 1000).toFixed(1)} s, ${String(summary.counters.pages)} pages, ` +
        `orchestrator peak RSS ${peakMiB.toFixed(1)} MiB (fetcher ${fetcherMiB.toFixed(0)} MiB, bench with the simulator ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`,
    );
    return { fixtures, peakMiB, ms: run.ms };
  } finally {
    await orchestrator.stop();
    await fetcher.stop();
    await writer.close();
    await sim.close();
  }
}

// Measured twice: with the Node flags the orchestrator runs with (its package.json's
// insightxi.nodeFlags, also in the Dockerfile: capped heap generations), which is the goal; and,
// for information, with V8's defaults, under which the heap grows lazily with the allocation rate
// of a long run even though nothing accumulates.
const { values } = benchArgs({
  scale: { type: 'string', default: '25' }, 'detail-scale': { type: 'string', default: '5' }, chunk: { type: 'string' }, defaults: { type: 'boolean', default: false },
});
const env: Record<string, string> = values.chunk === undefined ? {} : { BULK_CHUNK_SIZE: values.chunk };
const deployed = serviceNodeFlags(join(repoRoot(), 'services', 'orchestrator'));
const SMALL = { leagues: 2, seasonsPerLeague: 4 };
console.log(`orchestrator node flags: ${deployed.join(' ') || '(none)'}`);
const small = await measure('small', SMALL, deployed, env);
const large = await measure('large', { scale: Number(values.scale) }, deployed, env);
console.log(`fixtures ratio ${ratio(large.fixtures, small.fixtures)}×, peak RSS ratio ${ratio(large.peakMiB, small.peakMiB)} (goal ≤ 1.5)`);
const smallDetail = await measure('small, with detail', SMALL, deployed, env, true);
const largeDetail = await measure('large, with detail', { scale: Number(values['detail-scale']) }, deployed, env, true);
console.log(`with detail: fixtures ratio ${ratio(largeDetail.fixtures, smallDetail.fixtures)}×, peak RSS ratio ${ratio(largeDetail.peakMiB, smallDetail.peakMiB)} (goal ≤ 1.5)`);
if (values.defaults) {
  const smallDefaults = await measure('small, V8 defaults', SMALL, [], env);
  const largeDefaults = await measure('large, V8 defaults', { scale: Number(values.scale) }, [], env);
  console.log(`with V8 defaults (information, not a goal): peak RSS ratio ${ratio(largeDefaults.peakMiB, smallDefaults.peakMiB)}`);
}
const thousands = (n: number) => `${String(Math.round(n / 1000))}k`;
reportBench({ bench: 'orchestrator-peak-rss-100k-vs-1k', ours: Number(large.peakMiB.toFixed(1)), reference: Number(small.peakMiB.toFixed(1)), ratio: Number((large.peakMiB / small.peakMiB).toFixed(3)), goal: '<= 1.5', unit: 'MiB', note: `without detail: ${String(large.fixtures)} vs ${String(small.fixtures)} fixtures` });
reportBench({
  bench: 'orchestrator-peak-rss-detail',
  ours: Number(largeDetail.peakMiB.toFixed(1)),
  reference: Number(smallDetail.peakMiB.toFixed(1)),
  ratio: Number((largeDetail.peakMiB / smallDetail.peakMiB).toFixed(3)),
  goal: '<= 1.5',
  unit: 'MiB',
  note: `with detail: ${thousands(largeDetail.fixtures)} vs ${thousands(smallDetail.fixtures)} fixtures, large run ${(largeDetail.ms / 1000).toFixed(0)} s`,
});
