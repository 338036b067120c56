import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/cli.ts';

describe('insightxi-build', () => {
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);

  it('writes the RDS CA bundle', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'ca.pem');
    expect(await runBuild(['--rds-ca', file], print)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(lines.at(-1)).toMatch(/: \d+ RDS CA certificates$/);
  });

  it('bundles the named target into <out>/<target>', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-'));
    expect(await runBuild(['sportmonks', '--out', out], print)).toBe(0);
    expect(existsSync(join(out, 'sportmonks', 'dist', 'server.mjs'))).toBe(true);
    expect(existsSync(join(out, 'orchestrator'))).toBe(false);
    expect(lines.at(-1)).toMatch(/^sportmonks: server \+ \d+ packages, [\d.]+ MB$/);
  });

  it('names an unknown target, and asks for --out', async () => {
    expect(await runBuild(['writer', '--out', '/tmp/x'], print)).toBe(2);
    expect(lines.at(-1)).toContain('unknown target writer');
    expect(await runBuild(['database'], print)).toBe(2);
    expect(lines.at(-1)).toMatch(/^usage: insightxi-build/);
  });
});
