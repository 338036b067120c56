// Runs a shell block of the operations guide with bash and the real curl, recording every HTTP
// call it makes (method, URL, status, body) so the test can check each answer.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HttpCall {
  method: string;
  url: string;
  status: number;
  body: string;
}

export interface BlockRun {
  exitCode: number | null;
  output: string;
  calls: HttpCall[];
}

/**
 * `curl` becomes a function that adds --fail-with-body (a 4xx/5xx fails the block under
 * `set -e`), keeps a copy of each answer, and still prints the body for the block's pipes.
 * Variables a block assigns (RUN_ID=…) carry over to the next blocks, as in one terminal.
 */
const PREAMBLE = String.raw`set -euo pipefail
[ -f "$DOCS_STATE" ] && . "$DOCS_STATE"
curl() {
  local call
  call=$(mktemp -p "$DOCS_CALLS" call.XXXXXXXX)
  local code=0
  command curl --silent --show-error --fail-with-body -o "$call.body" \
    -w '%{http_code} %{method} %{url_effective}' "$@" >"$call" || code=$?
  cat "$call.body" 2>/dev/null || true
  return "$code"
}
`;

function assignedVariables(code: string): string[] {
  return [...new Set([...code.matchAll(/^\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? ''))];
}

/** Headers printed with -i come before the body: keep the body. */
function bodyOf(raw: string): string {
  return raw.startsWith('HTTP/') ? raw.slice(raw.indexOf('\r\n\r\n') + 4) : raw;
}

export class ShellSession {
  private readonly dir = mkdtempSync(join(tmpdir(), 'docs-curl-'));

  constructor(private readonly env: Record<string, string>) {}

  run(code: string, timeoutMs: number): Promise<BlockRun> {
    const calls = mkdtempSync(join(this.dir, 'calls-'));
    const keep = assignedVariables(code);
    const epilogue = keep.length > 0 ? `\ndeclare -p ${keep.join(' ')} >> "$DOCS_STATE"\n` : '\n';
    return new Promise((resolve, reject) => {
      const child = spawn('bash', ['-c', `${PREAMBLE}\n${code}${epilogue}`], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...this.env, DOCS_STATE: join(this.dir, 'state.sh'), DOCS_CALLS: calls },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: timeoutMs,
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => {
        resolve({ exitCode, output, calls: readCalls(calls) });
      });
    });
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function readCalls(dir: string): HttpCall[] {
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.body'))
    .map((name) => {
      const [status = '0', method = '', ...url] = readFileSync(join(dir, name), 'utf8').split(' ');
      let body = '';
      try {
        body = bodyOf(readFileSync(join(dir, `${name}.body`), 'utf8'));
      } catch {
        // no body file: the connection failed before an answer
      }
      return { method, url: url.join(' '), status: Number(status), body };
    });
}
