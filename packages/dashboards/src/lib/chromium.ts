// Headless Chromium for the browser checks and the screenshots: found where Debian, Ubuntu or
// Google install it (or CHROMIUM_PATH), else installed with apt-get (Debian's `chromium`) when
// this machine lets us — CI machines start without it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | null {
  const given = env.CHROMIUM_PATH ?? '';
  if (given !== '') return exists(given) ? given : null;
  return CANDIDATES.find(exists) ?? null;
}

export interface Installer {
  /** Runs a command, returns its exit status. */
  run(command: string, args: string[]): number;
  isRoot: boolean;
  hasSudo: boolean;
}

const systemInstaller: Installer = {
  run: (command, args) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status ?? 1,
  isRoot: process.getuid?.() === 0,
  hasSudo: spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
};

/** The apt-get invocations: install, and when the package lists are stale, update then install. */
function aptGet(installer: Installer): boolean {
  const [command, prefix] = installer.isRoot ? ['apt-get', []] : ['sudo', ['-n', 'apt-get']];
  // Other engineers' installs may hold the dpkg lock for a while: wait for it instead of failing.
  const install = [...prefix, 'install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', 'chromium'];
  if (installer.run(command, install) === 0) return true;
  if (installer.run(command, [...prefix, 'update', '-o', 'DPkg::Lock::Timeout=600']) !== 0) return false;
  return installer.run(command, install) === 0;
}

/** The path of a Chromium, installing Debian's when there is none and apt-get may be used. */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env, installer: Installer = systemInstaller, exists: (path: string) => boolean = existsSync): string {
  const found = findChromium(env, exists);
  if (found !== null) return found;
  if (env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
  if (!installer.isRoot && !installer.hasSudo) {
    throw new Error('no Chromium found and apt-get needs root: run `sudo apt-get install -y chromium`, or set CHROMIUM_PATH');
  }
  console.log('installing Debian\'s chromium for the browser checks (apt-get install chromium) …');
  if (!aptGet(installer)) throw new Error('apt-get could not install chromium');
  const installed = findChromium(env, exists);
  if (installed === null) throw new Error(`chromium was installed but is in none of ${CANDIDATES.join(', ')}`);
  return installed;
}
