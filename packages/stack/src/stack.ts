// The whole InsightXI stack on this machine: MySQL located and migrated, the simulator
// (unless a real SportMonks token is given), and the three services as child processes.
// Used by `make dev`, `make demo`, end-to-end tests, benchmarks and the chaos suite.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { migrate, repoRoot, resolveAdminUrl, resolveDatabaseUrl, createDatabase, withDatabase } from '@insightxi/mysql';
import { startSimulator } from '@insightxi/sportmonks-sim';
import { serviceNodeFlags } from './node-flags.ts';
import { freePort } from './ports.ts';
import { ServiceProcess } from './service-process.ts';

export type ServiceName = 'database' | 'sportmonks' | 'orchestrator';
type SimulatorOptions = NonNullable<Parameters<typeof startSimulator>[0]>;
type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface StackOptions {
  /** Default: the project database (DATABASE_URL, else the located server's `insightxi`). */
  databaseUrl?: string;
  /** With a token, the fetcher talks to the real SportMonks API and no simulator starts. */
  sportmonksApiToken?: string;
  simulator?: SimulatorOptions;
  /** Fixed ports (make dev); default: free ports. */
  ports?: Partial<Record<ServiceName | 'simulator', number>>;
  /** Extra environment for every service. */
  env?: NodeJS.ProcessEnv;
  logLevel?: string;
  onLine?: (line: string) => void;
}

export interface Stack {
  databaseUrl: string;
  internalToken: string;
  operatorToken: string;
  simulator: Simulator | null;
  services: Record<ServiceName, ServiceProcess>;
  url(service: ServiceName): string;
  stop(): Promise<void>;
}

const SERVICES: ServiceName[] = ['database', 'sportmonks', 'orchestrator'];
const DEFAULT_BASE_URL = 'https://api.sportmonks.com';

function token(env: string | undefined): string {
  return env ?? randomBytes(24).toString('hex');
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const root = repoRoot();
  const databaseUrl = options.databaseUrl ?? (await resolveDatabaseUrl());
  // The writer's account may be one that cannot create or migrate (make service-user).
  const adminUrl = options.databaseUrl ?? (await resolveAdminUrl());
  const databaseName = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  await createDatabase(withDatabase(adminUrl, null), databaseName);
  await migrate(adminUrl, join(root, 'services', 'database', 'prisma', 'migrations'));

  const simulator = options.sportmonksApiToken
    ? null
    : await startSimulator({ ...options.simulator, port: options.ports?.simulator ?? options.simulator?.port ?? 0 });

  const ports = {
    database: options.ports?.database ?? (await freePort()),
    sportmonks: options.ports?.sportmonks ?? (await freePort()),
    orchestrator: options.ports?.orchestrator ?? (await freePort()),
  };
  const url = (service: ServiceName) => `http://127.0.0.1:${ports[service]}`;
  const internalToken = token(options.env?.INTERNAL_TOKEN);
  const operatorToken = token(options.env?.OPERATOR_TOKEN);

  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: options.logLevel ?? 'info',
    HOST: '127.0.0.1',
    ...options.env,
    INTERNAL_TOKEN: internalToken,
  };
  const envFor: Record<ServiceName, NodeJS.ProcessEnv> = {
    database: { ...common, PORT: String(ports.database), DATABASE_URL: databaseUrl },
    sportmonks: {
      ...common,
      PORT: String(ports.sportmonks),
      SPORTMONKS_BASE_URL: simulator ? simulator.url : (options.env?.SPORTMONKS_BASE_URL ?? DEFAULT_BASE_URL),
      SPORTMONKS_API_TOKEN: options.sportmonksApiToken ?? options.simulator?.token ?? 'demo',
    },
    orchestrator: {
      ...common,
      PORT: String(ports.orchestrator),
      OPERATOR_TOKEN: operatorToken,
      DATABASE_SERVICE_URL: url('database'),
      SPORTMONKS_SERVICE_URL: url('sportmonks'),
    },
  };

  const services = Object.fromEntries(
    SERVICES.map((name) => [
      name,
      new ServiceProcess({
        name,
        cwd: join(root, 'services', name),
        entry: 'src/server.ts',
        nodeFlags: serviceNodeFlags(join(root, 'services', name)),
        env: envFor[name],
        baseUrl: url(name),
        ...(options.onLine ? { onLine: options.onLine } : {}),
      }),
    ]),
  ) as Record<ServiceName, ServiceProcess>;

  const stop = async () => {
    await Promise.all(SERVICES.map((name) => services[name].stop()));
    await simulator?.close();
  };

  try {
    services.database.start();
    services.sportmonks.start();
    await Promise.all([services.database.waitReady(), services.sportmonks.waitReady()]);
    services.orchestrator.start();
    await services.orchestrator.waitReady();
  } catch (error) {
    await stop();
    throw error;
  }

  return { databaseUrl, internalToken, operatorToken, simulator, services, url, stop };
}
