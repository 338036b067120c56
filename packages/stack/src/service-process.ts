// One service as a child process: `node --import tsx src/server.ts` in the service's folder,
// so that a signal (SIGKILL included) reaches the service itself and not a wrapper.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

export interface ServiceProcessOptions {
  name: string;
  cwd: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  baseUrl: string;
  /** Node options before the entry, e.g. the service's heap limits (see serviceNodeFlags). */
  nodeFlags?: readonly string[];
  /** Receives every output line, already prefixed with the service name. */
  onLine?: (line: string) => void;
}

const KEPT_LINES = 200;

export class ServiceProcess {
  readonly name: string;
  readonly baseUrl: string;
  /** The most recent output lines, for error messages when a start fails. */
  readonly recentLines: string[] = [];
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(private readonly options: ServiceProcessOptions) {
    this.name = options.name;
    this.baseUrl = options.baseUrl;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.running) return;
    const child = spawn(process.execPath, [...(this.options.nodeFlags ?? []), '--import', 'tsx', this.options.entry], {
      cwd: this.options.cwd,
      env: this.options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => { resolve(code); }));
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.recentLines.push(line);
        if (this.recentLines.length > KEPT_LINES) this.recentLines.shift();
        this.options.onLine?.(`[${this.name}] ${line}`);
      });
    }
  }

  /** Resolves when GET /health/ready answers 200; fails with the service's last output otherwise. */
  async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited before it was ready:\n${this.recentLines.slice(-20).join('\n')}`);
      try {
        const response = await request(`${this.baseUrl}/health/ready`, { headersTimeout: 2_000, bodyTimeout: 2_000 });
        await response.body.dump();
        if (response.statusCode === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms:\n${this.recentLines.slice(-20).join('\n')}`);
  }

  /** Sends the signal and waits for the process to exit; returns its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.running) return this.exited;
    this.child?.kill(signal);
    return this.exited;
  }
}
