import { describe, expect, it } from 'vitest';
import { CANDIDATES, ensureChromium, findChromium, type Installer } from '../src/lib/chromium.ts';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

function fakeInstaller(options: { isRoot?: boolean; hasSudo?: boolean; results?: number[]; installs?: string }, present: Set<string>): Installer & { calls: string[] } {
  const results = [...(options.results ?? [0])];
  const calls: string[] = [];
  return {
    calls,
    isRoot: options.isRoot ?? true,
    hasSudo: options.hasSudo ?? false,
    run(command, args) {
      calls.push([command, ...args].join(' '));
      const status = results.shift() ?? 0;
      if (status === 0 && args.includes('install') && options.installs) present.add(options.installs);
      return status;
    },
  };
}

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH when it exists, else the first known install', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, only('/opt/chrome'))).toBe('/opt/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, only('/usr/bin/chromium'))).toBeNull();
    expect(findChromium({}, only('/usr/bin/google-chrome', '/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findChromium({}, only())).toBeNull();
    expect(CANDIDATES[0]).toBe('/usr/bin/chromium');
  });
});

describe('installing Chromium when it is missing', () => {
  it('does nothing when one is there', () => {
    const installer = fakeInstaller({}, new Set());
    expect(ensureChromium({}, installer, only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(installer.calls).toEqual([]);
  });

  it('as root: apt-get install chromium, waiting for the dpkg lock', () => {
    const present = new Set<string>();
    const installer = fakeInstaller({ installs: '/usr/bin/chromium' }, present);
    expect(ensureChromium({}, installer, (p) => present.has(p))).toBe('/usr/bin/chromium');
    expect(installer.calls).toEqual(['apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 chromium']);
  });

  it('updates the package lists and retries when the first install fails; through sudo when not root', () => {
    const present = new Set<string>();
    const installer = fakeInstaller({ isRoot: false, hasSudo: true, results: [100, 0, 0], installs: '/usr/bin/chromium' }, present);
    expect(ensureChromium({}, installer, (p) => present.has(p))).toBe('/usr/bin/chromium');
    expect(installer.calls.map((c) => c.split(' ').slice(0, 4).join(' '))).toEqual(['sudo -n apt-get install', 'sudo -n apt-get update', 'sudo -n apt-get install']);
  });

  it('says what to do when it cannot install, or the install fails', () => {
    expect(() => ensureChromium({}, fakeInstaller({ isRoot: false }, new Set()), only())).toThrow(/apt-get needs root: run `sudo apt-get install -y chromium`, or set CHROMIUM_PATH/);
    expect(() => ensureChromium({}, fakeInstaller({ results: [1, 1] }, new Set()), only())).toThrow('apt-get could not install chromium');
    expect(() => ensureChromium({}, fakeInstaller({ results: [0] }, new Set()), only())).toThrow(/installed but is in none of/);
    expect(() => ensureChromium({ CHROMIUM_PATH: '/nope' }, fakeInstaller({}, new Set()), only())).toThrow('CHROMIUM_PATH=/nope does not exist');
  });
});
