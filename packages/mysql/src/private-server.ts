// A MariaDB server of our own in a folder of the repo, for machines with mariadbd but no
// server running, and for tests that must stop and restart MySQL.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canConnect } from './probe.ts';

const run = promisify(execFile);

const MARIADBD_CANDIDATES = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/local/bin/mariadbd', '/usr/sbin/mysqld'];

export function findMariadbd(): string | null {
  return MARIADBD_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export interface PrivateServer {
  url: string;
  dataDir: string;
  /** Starts the server if it is not answering; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server (SIGTERM, then waits for it to go). */
  stop(): Promise<void>;
}

/** PEM files of the server's TLS identity; `require`: refuse connections without TLS. */
export interface PrivateServerTls {
  ca: string;
  cert: string;
  key: string;
  require: boolean;
}

export interface PrivateServerOptions {
  /** Folder for data, socket, pid and log. */
  dir: string;
  port: number;
  startTimeoutMs?: number;
  tls?: PrivateServerTls;
}

function tlsArguments(tls: PrivateServerTls | undefined): string[] {
  if (tls === undefined) return [];
  return [`--ssl-ca=${tls.ca}`, `--ssl-cert=${tls.cert}`, `--ssl-key=${tls.key}`, ...(tls.require ? ['--require-secure-transport=ON'] : [])];
}

export function privateServer({ dir, port, startTimeoutMs = 30_000, tls }: PrivateServerOptions): PrivateServer {
  const dataDir = join(dir, 'data');
  const pidFile = join(dir, 'mariadbd.pid');
  // With TLS the URL verifies the server against its CA, as the services do against RDS's.
  const url = `mysql://root@127.0.0.1:${port}${tls ? `?sslca=${encodeURIComponent(tls.ca)}` : ''}`;

  const initialise = async (mariadbd: string) => {
    if (existsSync(join(dataDir, 'mysql'))) return;
    mkdirSync(dataDir, { recursive: true });
    const installer = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => existsSync(p));
    if (!installer) throw new Error(`found ${mariadbd} but no mariadb-install-db to initialise ${dataDir}`);
    await run(installer, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      `--user=${process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'root')}`,
    ]);
  };

  const start = async () => {
    if (await canConnect(url)) return;
    const mariadbd = findMariadbd();
    if (!mariadbd) throw new Error('no mariadbd binary on this machine');
    await initialise(mariadbd);
    const child = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(dir, 'mariadbd.sock')}`,
        `--pid-file=${pidFile}`,
        `--log-error=${join(dir, 'mariadbd.log')}`,
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--default-time-zone=+00:00',
        ...tlsArguments(tls),
        ...(process.getuid?.() === 0 ? ['--user=root'] : []),
      ],
      { detached: true, stdio: 'ignore' },
    );
    child.unref();
    const deadline = Date.now() + startTimeoutMs;
    while (!(await canConnect(url))) {
      if (Date.now() > deadline) throw new Error(`private MariaDB on port ${port} did not start; see ${join(dir, 'mariadbd.log')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const stop = async () => {
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 300; i += 1) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`private MariaDB (pid ${pid}) did not stop within 30 s`);
  };

  return { url, dataDir, start, stop };
}
