// Builds land in their own folder under the sites folder; `current` is a symlink to the one being
// served, swapped in one rename so a reader never sees half a site. Older builds are removed.
import { mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const CURRENT = 'current';

/** A new, unused folder for the next build. */
export function nextBuildDir(sitesDir: string, now = new Date()): string {
  return join(sitesDir, `build-${now.toISOString().replace(/[-:.]/g, '')}-${process.pid}`);
}

/** The folder `current` points to, or null before the first build. */
export async function currentSite(sitesDir: string): Promise<string | null> {
  try {
    return join(sitesDir, await readlink(join(sitesDir, CURRENT)));
  } catch {
    return null;
  }
}

export async function publishSite(sitesDir: string, buildDir: string): Promise<void> {
  await mkdir(sitesDir, { recursive: true });
  const link = join(sitesDir, `${CURRENT}.next`);
  await rm(link, { force: true });
  await symlink(basename(buildDir), link);
  await rename(link, join(sitesDir, CURRENT));
  for (const entry of await readdir(sitesDir)) {
    if (entry.startsWith('build-') && entry !== basename(buildDir)) await rm(join(sitesDir, entry), { recursive: true, force: true });
  }
}
