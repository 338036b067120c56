// Where the guides are and how their blocks pair up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@insightxi/mysql';
import { codeBlocks, type CodeBlock } from './markdown.ts';

export const ANALYSTS_GUIDE = join(repoRoot(), 'docs', 'analysts.md');
export const OPERATIONS_GUIDE = join(repoRoot(), 'docs', 'operations.md');

export function readGuide(path: string): { markdown: string; blocks: CodeBlock[] } {
  const markdown = readFileSync(path, 'utf8');
  return { markdown, blocks: codeBlocks(markdown) };
}

export interface SqlExample {
  query: CodeBlock;
  /** The ```text block right after the query under the same heading: its sample result. */
  sample: CodeBlock | null;
}

export function sqlExamples(blocks: CodeBlock[]): SqlExample[] {
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'sql') return [];
    const next = blocks[i + 1];
    const sample = next?.lang === 'text' && next.heading === block.heading ? next : null;
    return [{ query: block, sample }];
  });
}
