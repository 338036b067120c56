// `pnpm --filter @insightxi/sportmonks-sim start` / `make sim`: options from flags, else env.
import { parseArgs } from 'node:util';
import { Value } from '@sinclair/typebox/value';
import type { FaultOptions } from './faults.ts';
import { FaultsBody } from './schemas.ts';
import { startSimulator, type SimulatorOptions } from './simulator.ts';

const { values } = parseArgs({
  // pnpm passes a literal `--` through to the script.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    scale: { type: 'string' },
    leagues: { type: 'string' },
    seasons: { type: 'string' },
    token: { type: 'string' },
    'denied-leagues': { type: 'string' },
    'denied-includes': { type: 'string' },
    budget: { type: 'string' },
    plan: { type: 'string' },
    'clock-start': { type: 'string' },
    'clock-speed': { type: 'string' },
    faults: { type: 'string' },
    log: { type: 'boolean' },
    'no-page-cache': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(`sportmonks-sim — a SportMonks v3 simulator (see README.md)
  --port N            SIM_PORT            default 8010
  --host H            SIM_HOST            default 0.0.0.0
  --seed N            SIM_SEED            default 42
  --scale N           SIM_SCALE           default 1 (25 → ≥ 100,000 fixtures)
  --leagues N         SIM_LEAGUES         default 9
  --seasons N         SIM_SEASONS         default 3
  --token T           SIM_API_TOKEN       default demo
  --denied-leagues L  SIM_DENIED_LEAGUES  comma-separated league ids
  --denied-includes I SIM_DENIED_INCLUDES comma-separated include names (403, code 5002)
  --budget N          SIM_BUDGET_PER_HOUR default 3000
  --plan paid|free    SIM_PLAN            default paid
  --clock-start ISO   SIM_CLOCK_START     default now
  --clock-speed X     SIM_CLOCK_SPEED     default 1
  --faults JSON       SIM_FAULTS          default {}
  --log               SIM_LOG=1           request logs
  --no-page-cache                         build every page afresh (benchmarks)`);
  process.exit(0);
}

const env = process.env;

function num(flag: string | undefined, envValue: string | undefined, name: string): number | undefined {
  const text = flag ?? envValue;
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${text}"`);
  return n;
}

function parseFaults(text: string): FaultOptions {
  const parsed: unknown = JSON.parse(text);
  if (!Value.Check(FaultsBody, parsed)) {
    const first = Value.Errors(FaultsBody, parsed).First();
    throw new Error(`faults: ${first ? `${first.path || '/'} ${first.message}` : 'invalid'}`);
  }
  return parsed;
}

const deniedText = values['denied-leagues'] ?? env.SIM_DENIED_LEAGUES;
const faultsText = values.faults ?? env.SIM_FAULTS;
const deniedIncludesText = values['denied-includes'] ?? env.SIM_DENIED_INCLUDES;
const plan = values.plan ?? env.SIM_PLAN;
if (plan !== undefined && plan !== 'paid' && plan !== 'free') throw new Error('plan must be paid or free');

const options: SimulatorOptions = {
  port: num(values.port, env.SIM_PORT, 'port') ?? 8010,
  host: values.host ?? env.SIM_HOST ?? '0.0.0.0',
  seed: num(values.seed, env.SIM_SEED, 'seed'),
  scale: num(values.scale, env.SIM_SCALE, 'scale'),
  leagues: num(values.leagues, env.SIM_LEAGUES, 'leagues'),
  seasonsPerLeague: num(values.seasons, env.SIM_SEASONS, 'seasons'),
  token: values.token ?? env.SIM_API_TOKEN,
  deniedLeagues: deniedText ? deniedText.split(',').map(Number).filter(Number.isInteger) : undefined,
  deniedIncludes: deniedIncludesText ? deniedIncludesText.split(',').map((name) => name.trim()).filter((name) => name !== '') : undefined,
  budgetPerHour: num(values.budget, env.SIM_BUDGET_PER_HOUR, 'budget'),
  plan,
  clock: { start: values['clock-start'] ?? env.SIM_CLOCK_START, speed: num(values['clock-speed'], env.SIM_CLOCK_SPEED, 'clock speed') },
  faults: faultsText ? parseFaults(faultsText) : undefined,
  logger: values.log ?? env.SIM_LOG === '1',
  pageCache: values['no-page-cache'] !== true,
};

const sim = await startSimulator(options);
const { fixtures, leagues, deletedFixtures } = sim.dataset();
console.log(
  `sportmonks-sim listening on ${sim.url} (seed ${String(options.seed ?? 42)}, ${String(leagues.length)} leagues, ${String(fixtures.length)} fixtures + ${String(deletedFixtures.length)} deleted, clock ${new Date(sim.now()).toISOString()})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
}
