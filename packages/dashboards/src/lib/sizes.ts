// How much data each built page makes the browser download: the sizes Framework records for the
// files a page registers (FileAttachment), summed per page. Aggregating in SQL keeps these small.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export const PAGE_DATA_LIMIT_BYTES = 2 * 1024 * 1024;

export interface PageData {
  /** league-table, index … */
  page: string;
  files: { name: string; bytes: number }[];
  bytes: number;
}

const REGISTER_FILE = /registerFile\("[^"]*",\s*(\{[^}]*\})\)/g;

/** The files one built page registers, from its HTML. */
export function registeredFiles(html: string): { name: string; bytes: number }[] {
  return [...html.matchAll(REGISTER_FILE)].map((match) => {
    const info = JSON.parse(match[1] ?? '{}') as { name?: string; size?: number };
    return { name: (info.name ?? '').replace(/^(\.\.?\/)+/, ''), bytes: info.size ?? 0 };
  });
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export async function pageDataSizes(outputDir: string): Promise<PageData[]> {
  const pages: PageData[] = [];
  for (const path of (await htmlFiles(outputDir)).sort()) {
    const files = registeredFiles(await readFile(path, 'utf8'));
    const page = relative(outputDir, path).replace(/\.html$/, '');
    pages.push({ page, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) });
  }
  return pages;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Season pages (league-table/23614 …) as one line per kind, the largest of them: the limit is
 * about the largest page, and a line per season would bury the rest.
 */
export function largestPerKind(pages: PageData[]): (PageData & { of: number })[] {
  const kinds = new Map<string, PageData[]>();
  for (const page of pages) {
    const kind = page.page.replace(/\/\d+$/, '/[season]');
    kinds.set(kind, [...(kinds.get(kind) ?? []), page]);
  }
  return [...kinds].map(([kind, list]) => {
    const largest = list.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return { ...largest, page: kind === largest.page ? kind : `${kind} (largest: ${largest.page.split('/').at(-1) ?? ''})`, of: list.length };
  });
}

/** One line per page (per kind of season page), largest file named: what `make dashboards-build` prints. */
export function formatSizes(pages: PageData[]): string[] {
  const lines = largestPerKind(pages);
  const width = Math.max(4, ...lines.map((p) => p.page.length));
  return [
    `${'page'.padEnd(width)}  ${'data'.padStart(10)}  largest file`,
    ...lines.map((p) => {
      const largest = [...p.files].sort((a, b) => b.bytes - a.bytes)[0];
      return `${p.page.padEnd(width)}  ${kilobytes(p.bytes).padStart(10)}  ${largest ? `${largest.name} (${kilobytes(largest.bytes)})` : '—'}${p.of > 1 ? `, of ${String(p.of)} seasons` : ''}`;
    }),
  ];
}

export function oversized(pages: PageData[], limit = PAGE_DATA_LIMIT_BYTES): PageData[] {
  return pages.filter((p) => p.bytes > limit);
}
