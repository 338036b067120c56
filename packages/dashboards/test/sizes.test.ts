import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSizes, oversized, pageDataSizes, PAGE_DATA_LIMIT_BYTES, registeredFiles } from '../src/lib/sizes.ts';

const register = (name: string, size: number) =>
  `registerFile("./${name}", {"name":"./${name}","mimeType":"application/json","path":"./_file/${name.replace('.json', '.1a2b3c4d.json')}","lastModified":1,"size":${size}});`;

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('page data sizes', () => {
  it('reads the files a built page registers', () => {
    expect(registeredFiles(`<script>${register('data/a.json', 10)}\n${register('data/b.json', 32)}</script>`)).toEqual([
      { name: 'data/a.json', bytes: 10 },
      { name: 'data/b.json', bytes: 32 },
    ]);
    expect(registeredFiles('<p>no data</p>')).toEqual([]);
  });

  it('sums them per page, in nested folders too, and prints one line per page with its largest file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sizes-'));
    await mkdir(join(dir, 'more'));
    await writeFile(join(dir, 'index.html'), '<h1>home</h1>');
    await writeFile(join(dir, 'team.html'), register('data/teams.json', 2048) + register('data/team-matches.json', 400 * 1024));
    await writeFile(join(dir, 'more', 'page.html'), register('data/x.json', 3 * 1024 * 1024));
    await writeFile(join(dir, 'data.json'), '{}');
    const pages = await pageDataSizes(dir);
    expect(pages.map((p) => [p.page, p.bytes])).toEqual([['index', 0], ['more/page', 3 * 1024 * 1024], ['team', 2048 + 400 * 1024]]);
    expect(formatSizes(pages)).toEqual([
      'page             data  largest file',
      'index          0.0 KB  —',
      'more/page   3072.0 KB  data/x.json (3072.0 KB)',
      'team         402.0 KB  data/team-matches.json (400.0 KB)',
    ]);
    expect(oversized(pages).map((p) => p.page)).toEqual(['more/page']);
    expect(oversized(pages, 1024).map((p) => p.page)).toEqual(['more/page', 'team']);
    expect(PAGE_DATA_LIMIT_BYTES).toBe(2 * 1024 * 1024);
  });

  it('prints the season pages of a kind as one line, the largest of them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sizes-'));
    await mkdir(join(dir, 'match'));
    await writeFile(join(dir, 'match.html'), register('data/seasons.json', 1024));
    await writeFile(join(dir, 'match', '7.html'), register('data/season/7/matches.json', 10 * 1024));
    await writeFile(join(dir, 'match', '12.html'), register('data/season/12/matches.json', 30 * 1024));
    const pages = await pageDataSizes(dir);
    expect(pages.map((p) => p.page)).toEqual(['match', 'match/12', 'match/7']);
    expect(formatSizes(pages)).toEqual([
      'page                                data  largest file',
      'match                             1.0 KB  data/seasons.json (1.0 KB)',
      'match/[season] (largest: 12)     30.0 KB  data/season/12/matches.json (30.0 KB), of 2 seasons',
    ]);
  });
});
