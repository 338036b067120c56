// Links in the guides that point into the repository: the file must exist, the anchor must be a
// heading of the target.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  const outsideCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...outsideCode.matchAll(/^#{1,6}\s+(.*?)\s*$/gm)].map((m) => slug(m[1] ?? '')));
}

/** Broken links of a Markdown file: `[text](target)` with a relative path and/or a #fragment. */
export function brokenLinks(file: string): string[] {
  const markdown = readFileSync(file, 'utf8');
  const outsideCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const broken: string[] = [];
  for (const match of outsideCode.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z]+:/i.test(target)) continue;
    const [path = '', fragment] = target.split('#');
    const targetFile = path === '' ? file : resolve(dirname(file), path);
    if (!existsSync(targetFile)) {
      broken.push(`${target}: no such file`);
      continue;
    }
    if (fragment !== undefined && targetFile.endsWith('.md') && !anchors(readFileSync(targetFile, 'utf8')).has(fragment)) {
      broken.push(`${target}: no such heading`);
    }
  }
  return broken;
}
