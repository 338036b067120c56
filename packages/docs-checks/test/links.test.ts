import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '@insightxi/mysql';
import { ANALYSTS_GUIDE, OPERATIONS_GUIDE } from '../src/guides.ts';
import { brokenLinks, slug } from '../src/links.ts';

describe('links in the guides', () => {
  test.each([ANALYSTS_GUIDE, OPERATIONS_GUIDE])('%s links only to files and headings that exist', (guide) => {
    expect(brokenLinks(guide)).toEqual([]);
  });

  // The root README maps behaviour to the services' READMEs, which map it to files: both hops must hold.
  test.each(['README.md', 'services/orchestrator/README.md', 'services/sportmonks/README.md', 'services/database/README.md', 'packages/service-kit/README.md'])(
    '%s links only to files and headings that exist',
    (readme) => {
      expect(brokenLinks(join(repoRoot(), readme))).toEqual([]);
    },
  );

  test('anchors are GitHub heading slugs, and a wrong one is caught', () => {
    expect(slug("12. Does our table agree with SportMonks' standings?")).toBe('12-does-our-table-agree-with-sportmonks-standings');
    expect(slug('Deploy, roll back, rotate tokens, add a league')).toBe('deploy-roll-back-rotate-tokens-add-a-league');
    const dir = mkdtempSync(join(tmpdir(), 'docs-links-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, '# Title\n## Real part\n[ok](#real-part) [bad](#missing) [gone](./nope.md) [web](https://example.com)\n');
    expect(brokenLinks(file)).toEqual(['#missing: no such heading', './nope.md: no such file']);
  });
});
