// Copies packages that cannot be bundled, with everything they depend on, into a plain
// node_modules folder: each package where Node finds it from the one that needs it (a pnpm
// workspace keeps them behind symlinks), laid out flat, a second version nested under its user.
import { cpSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The real folder of package `name` as Node resolves it from `fromDir`, or null. */
export function findPackageDir(name: string, fromDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Copies `names` (resolved from `fromDir`) and their dependencies into `nodeModules`; returns
 * `name@version` of every package copied.
 */
export function copyPackageClosure(names: readonly string[], fromDir: string, nodeModules: string): string[] {
  const topLevel = new Map<string, string>();
  const copied: string[] = [];

  const place = (name: string, from: string, dependentDir: string | null, optional: boolean): void => {
    const source = findPackageDir(name, from);
    if (source === null) {
      if (optional) return;
      throw new Error(`cannot find package ${name} from ${from}`);
    }
    const { version, dependencies = {}, optionalDependencies = {} } = readManifest(source);
    const atTop = topLevel.get(name);
    if (atTop === version) return;
    const target = atTop === undefined || dependentDir === null ? join(nodeModules, name) : join(dependentDir, 'node_modules', name);
    if (existsSync(target)) return;
    if (atTop === undefined) topLevel.set(name, version);
    cpSync(source, target, {
      recursive: true,
      dereference: true,
      // A package's own nested node_modules (npm layouts) is resolved again below, not copied.
      filter: (path) => !relative(source, path).split(sep).includes('node_modules'),
    });
    copied.push(`${name}@${version}`);
    for (const dependency of Object.keys(dependencies)) place(dependency, source, target, false);
    for (const dependency of Object.keys(optionalDependencies)) place(dependency, source, target, true);
  };

  for (const name of names) place(name, fromDir, null, false);
  return copied.sort();
}
