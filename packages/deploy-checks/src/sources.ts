// What the checks read: the repository's files, or the same with some files changed in memory
// (the seeded-break test turns one thing wrong at a time and expects the checks to say so).
import { listFiles, readRepoFile } from './repo.ts';

export interface Sources {
  read(path: string): string;
  /** Repo-relative paths under `dir` ending with `suffix`. */
  list(dir: string, suffix: string): string[];
}

export const repoSources: Sources = { read: readRepoFile, list: listFiles };

/** `base` with the files named in `edits` changed; an edit that changes nothing is an error. */
export function editedSources(base: Sources, edits: Record<string, (text: string) => string>): Sources {
  const changed = new Map<string, string>();
  for (const [path, edit] of Object.entries(edits)) {
    const before = base.read(path);
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${path} changed nothing: the break it seeds is not there`);
    changed.set(path, after);
  }
  return {
    read: (path) => changed.get(path) ?? base.read(path),
    list: (dir, suffix) => base.list(dir, suffix),
  };
}
