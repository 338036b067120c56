import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

describe('the command line', () => {
  it('starts from flags and env, serves the API with the env token, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--', '--port', '0', '--leagues', '1', '--seasons', '1', '--clock-speed', '0'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, SIM_HOST: '127.0.0.1', SIM_API_TOKEN: 'from-env', SIM_SEED: '9' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const match = /listening on (http:\/\/\S+) \(seed 9, 1 leagues/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => {
          reject(new Error(`exited before listening: ${out}`));
        });
      });
      const ok = await fetch(`${url}/v3/football/leagues`, { headers: { authorization: 'from-env' } });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { data: { id: number }[] }).data.map((l) => l.id)).toEqual([271]);
      const refused = await fetch(`${url}/v3/football/leagues`, { headers: { authorization: 'demo' } });
      expect(refused.status).toBe(401);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      // A failed assertion must not leave the simulator running.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
