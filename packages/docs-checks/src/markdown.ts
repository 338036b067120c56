// Fenced code blocks of a Markdown guide, each with the heading it sits under (its name in
// failures) and whether an HTML comment right above it says not to run it.

export interface CodeBlock {
  /** The fence's info string: `sql`, `sh`, `text` … */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest heading above the block. */
  heading: string;
  /** The reason given in `<!-- not-run: reason -->` directly above the block, if any. */
  notRun: string | null;
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;
const HEADING = /^#{1,6}\s+(.*?)\s*#*$/;
const NOT_RUN = /^<!--\s*not-run\b:?\s*(.*?)\s*-->$/;

export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '(top of the file)';
  let notRun: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith(marker); i++) body.push(lines[i] ?? '');
      blocks.push({ lang: fence[2] ?? '', code: body.join('\n'), line: start + 1, heading, notRun });
      notRun = null;
      continue;
    }
    const title = HEADING.exec(line);
    if (title) heading = title[1] ?? heading;
    const comment = NOT_RUN.exec(line.trim());
    if (comment) notRun = comment[1] || 'marked not-run';
    else if (line.trim() !== '') notRun = null;
  }
  return blocks;
}

/** A block's name in test output: heading and line. */
export function blockName(block: CodeBlock): string {
  return `"${block.heading}" (line ${block.line})`;
}
