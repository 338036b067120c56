// Pages per second the simulator serves at per_page=50 with participants;scores;state.
// The simulator runs in its own process (as in dev), autocannon in this one.
//   pnpm --filter @insightxi/sportmonks-sim bench [-- --scale 25 --duration 10 --connections 10]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  // pnpm passes a literal `--` through to the script.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    workers: { type: 'string', default: '0' },
    'no-page-cache': { type: 'boolean', default: false },
  },
});

const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--host', '127.0.0.1', '--scale', values.scale, '--clock-speed', '0', '--clock-start', '2026-11-23T12:00:00Z', '--budget', '100000000', ...(values['no-page-cache'] ? ['--no-page-cache'] : [])], {
  cwd: new URL('..', import.meta.url),
  stdio: ['ignore', 'pipe', 'inherit'],
});
let url = '';
let banner = '';
child.stdout.setEncoding('utf8');
for await (const chunk of child.stdout) {
  banner += String(chunk);
  const match = /listening on (http:\/\/\S+)/.exec(banner);
  if (match?.[1]) {
    url = match[1];
    break;
  }
}
console.log(banner.trim());

// Only full pages: cycle through the pages the dataset fills (at most the 400 offset paging reaches).
const fixtures = Number(/, (\d+) fixtures/.exec(banner)?.[1] ?? '0');
const pagesPerWalk = Math.max(1, Math.min(400, Math.floor(fixtures / 50)));
/** CPU seconds the simulator process has used (Linux /proc), to tell its cost from a busy machine. */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync(`/proc/${String(child.pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const cpuBefore = childCpuSeconds();
const result = await autocannon({
  url,
  connections: Number(values.connections),
  duration: Number(values.duration),
  headers: { authorization: 'demo' },
  workers: Number(values.workers),
  // Each connection cycles through every page in turn.
  requests: Array.from({ length: pagesPerWalk }, (_, i) => ({
    method: 'GET' as const,
    path: `/v3/football/fixtures?include=participants;scores;state&per_page=50&page=${String(i + 1)}`,
  })),
});
const non2xx = result.non2xx;
const simCpu = childCpuSeconds() - cpuBefore;
console.log(
  `pages/s over ${String(pagesPerWalk)} distinct pages: ${result.requests.average.toFixed(0)} (p50 latency ${String(result.latency.p50)} ms, p99 ${String(result.latency.p99)} ms, ${(result.throughput.average / 1e6).toFixed(1)} MB/s, non-2xx ${String(non2xx)}, errors ${String(result.errors)})`,
);
console.log(
  `simulator CPU: ${simCpu.toFixed(1)} s for ${String(result.requests.total)} pages → ${(result.requests.total / simCpu).toFixed(0)} pages per CPU-second`,
);
child.kill('SIGTERM');
await once(child, 'exit');
