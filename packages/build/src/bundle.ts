// Builds what a runtime image runs: the target's entry points bundled by esbuild into
// <out>/dist/*.mjs (plain JavaScript: no tsx, TypeScript or Prisma CLI at run time), the packages
// that must stay on disk in <out>/node_modules, and the target's assets.
import { cpSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { copyPackageClosure } from './externals.ts';
import { EXTERNAL_PACKAGES, TARGETS, type TargetName } from './targets.ts';

// Bundled CommonJS code still calls require() and reads __dirname; an ES module has neither.
const ESM_SHIMS = [
  "import { createRequire as __shimCreateRequire } from 'node:module';",
  "import { fileURLToPath as __shimFileURLToPath } from 'node:url';",
  "import { dirname as __shimDirname } from 'node:path';",
  'const require = __shimCreateRequire(import.meta.url);',
  'const __filename = __shimFileURLToPath(import.meta.url);',
  'const __dirname = __shimDirname(__filename);',
].join('\n');

export interface BuiltTarget {
  target: TargetName;
  outDir: string;
  /** Entry point name → path of its bundle. */
  entries: Record<string, string>;
  /** Packages copied into node_modules (name@version). */
  packages: string[];
  /** Bytes on disk of everything the image gets from the build. */
  bytes: number;
}

/** Total size of the files under `path`; links are not followed (pnpm links each package in more than once). */
export function diskBytes(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + diskBytes(join(path, entry)), 0);
}

/** Leaves the external packages out of the bundle and notes the folder each was imported from. */
function externals(importedFrom: Map<string, string>): Plugin {
  const names = new Set(EXTERNAL_PACKAGES);
  return {
    name: 'insightxi-externals',
    setup(build) {
      build.onResolve({ filter: /^[@a-z]/ }, (args) => {
        const name = args.path.split('/').slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
        if (!names.has(name)) return undefined;
        importedFrom.set(name, args.resolveDir);
        return { path: args.path, external: true };
      });
    },
  };
}

export async function buildTarget(name: TargetName, outDir: string, root: string): Promise<BuiltTarget> {
  const target = TARGETS[name];
  const base = join(root, target.dir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const importedFrom = new Map<string, string>();
  await build({
    absWorkingDir: base,
    entryPoints: Object.fromEntries(Object.entries(target.entries).map(([out, source]) => [out, join(base, source)])),
    outdir: join(outDir, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    // Chunks beside the entries: a module finds files relative to itself (the writer's
    // ../prisma/migrations) wherever the bundler puts it.
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    plugins: [externals(importedFrom)],
    banner: { js: ESM_SHIMS },
    // Error class names appear in logs and API answers.
    keepNames: true,
    legalComments: 'none',
    logLevel: 'error',
  });

  const packages = [...importedFrom].flatMap(([name, from]) => copyPackageClosure([name], from, join(outDir, 'node_modules')));
  for (const asset of target.assets) cpSync(join(base, asset), join(outDir, asset), { recursive: true });

  return {
    target: name,
    outDir,
    entries: Object.fromEntries(Object.keys(target.entries).map((entry) => [entry, join(outDir, 'dist', `${entry}.mjs`)])),
    packages,
    bytes: diskBytes(outDir),
  };
}
