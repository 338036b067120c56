import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT, currentSite, nextBuildDir, publishSite } from '../src/lib/publish.ts';
import { scheduleRebuilds } from '../src/lib/rebuild.ts';

let dir: string | undefined;
afterEach(async () => {
  vi.useRealTimers();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function build(sitesDir: string, at: string, text: string): Promise<string> {
  const output = nextBuildDir(sitesDir, new Date(at));
  await mkdir(output, { recursive: true });
  await writeFile(join(output, 'index.html'), text);
  return output;
}

describe('publishing a build', () => {
  it('points `current` at the new build and removes the older ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sites-'));
    expect(await currentSite(dir)).toBeNull();
    const first = await build(dir, '2026-11-23T12:00:00Z', 'first');
    expect(first).toMatch(/build-20261123T120000000Z-\d+$/);
    await publishSite(dir, first);
    expect(await currentSite(dir)).toBe(first);
    expect(await readFile(join(dir, CURRENT, 'index.html'), 'utf8')).toBe('first');

    const second = await build(dir, '2026-11-23T12:15:00Z', 'second');
    await publishSite(dir, second);
    expect(await readFile(join(dir, CURRENT, 'index.html'), 'utf8')).toBe('second');
    expect((await readdir(dir)).sort()).toEqual([second.slice(dir.length + 1), CURRENT].sort());
  });
});

describe('rebuilding on an interval', () => {
  it('builds at once, then one interval after each build ends, and stops when asked', async () => {
    vi.useFakeTimers();
    const started: number[] = [];
    let finish: (() => void) | undefined;
    const rebuilds = scheduleRebuilds({
      intervalMs: 60_000,
      build: () => {
        started.push(Date.now());
        return new Promise<void>((resolve) => (finish = resolve));
      },
      onError: () => undefined,
    });
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(started, 'no second build while the first runs').toHaveLength(1);
    finish?.();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    finish?.();
    await rebuilds.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(started).toHaveLength(2);
  });

  it('reports a failed build and tries again next time', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const rebuilds = scheduleRebuilds({
      intervalMs: 1_000,
      build: () => (++calls === 1 ? Promise.reject(new Error('MySQL is down')) : Promise.resolve()),
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('MySQL is down')]);
    await rebuilds.stop();
  });
});
