import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPackageClosure, findPackageDir } from '../src/externals.ts';

/** A package at `dir` with its manifest. */
function pkg(dir: string, name: string, version: string, dependencies: Record<string, string> = {}, optionalDependencies: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, dependencies, optionalDependencies }));
  writeFileSync(join(dir, 'index.js'), `module.exports = '${name}@${version}';`);
}

/** pnpm's layout: each package in .pnpm/<name>@<version>/node_modules/<name>, its dependencies as sibling symlinks. */
function pnpmTree(root: string) {
  const store = join(root, 'node_modules', '.pnpm');
  const folder = (name: string, version: string) => join(store, `${name.replace('/', '+')}@${version}`, 'node_modules');
  const real = (name: string, version: string) => join(folder(name, version), name);
  const link = (owner: [string, string], name: string, target: string) => {
    const path = join(folder(...owner), name);
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(target, path);
  };
  pkg(real('@scope/ui', '1.0.0'), '@scope/ui', '1.0.0', { shared: '^1', helper: '^1' }, { 'not-installed': '^1' });
  pkg(real('shared', '1.0.0'), 'shared', '1.0.0');
  pkg(real('helper', '1.0.0'), 'helper', '1.0.0', { shared: '^2' });
  pkg(real('shared', '2.0.0'), 'shared', '2.0.0');
  link(['@scope/ui', '1.0.0'], 'shared', real('shared', '1.0.0'));
  link(['@scope/ui', '1.0.0'], 'helper', real('helper', '1.0.0'));
  link(['helper', '1.0.0'], 'shared', real('shared', '2.0.0'));
  const service = join(root, 'service');
  mkdirSync(join(service, 'node_modules', '@scope'), { recursive: true });
  symlinkSync(real('@scope/ui', '1.0.0'), join(service, 'node_modules', '@scope', 'ui'));
  return service;
}

describe('copyPackageClosure', () => {
  it('copies a package and its dependencies out of a pnpm layout, nesting a second version under its user', () => {
    const root = mkdtempSync(join(tmpdir(), 'closure-'));
    const service = pnpmTree(root);
    const out = join(root, 'out', 'node_modules');
    expect(copyPackageClosure(['@scope/ui'], service, out)).toEqual(['@scope/ui@1.0.0', 'helper@1.0.0', 'shared@1.0.0', 'shared@2.0.0']);
    const version = (path: string) => (JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version(join(out, '@scope', 'ui'))).toBe('1.0.0');
    expect(version(join(out, 'shared'))).toBe('1.0.0');
    expect(version(join(out, 'helper', 'node_modules', 'shared'))).toBe('2.0.0');
    // Node resolves each from where it is used, as in the source tree.
    expect(findPackageDir('shared', join(out, 'helper'))).toBe(join(out, 'helper', 'node_modules', 'shared'));
    expect(findPackageDir('shared', join(out, '@scope', 'ui'))).toBe(join(out, 'shared'));
  });

  it('names a required package it cannot find', () => {
    const root = mkdtempSync(join(tmpdir(), 'closure-'));
    expect(() => copyPackageClosure(['absent'], root, join(root, 'out'))).toThrow(`cannot find package absent from ${root}`);
  });
});
