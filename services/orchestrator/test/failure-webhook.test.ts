// A failed run is POSTed to NOTIFY_WEBHOOK_URL (a real HTTP receiver on an ephemeral port);
// a succeeded one is not; a receiver that is down or answers 500 changes nothing about the
// run and costs one warning that never shows the URL (Slack's carries its token in the path).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Value } from '@sinclair/typebox/value';
import { RunFailedNotification } from '@insightxi/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '@insightxi/service-kit';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { FakeFetcher, FakeWriter, world } from './fakes.ts';

const TOKEN = 'operator-secret-token';
const auth = { authorization: `Bearer ${TOKEN}` };
// Shaped like a Slack incoming-webhook path: the last segment is the secret.
const HOOK_SECRET = 'XXsecretHookToken42';
const HOOK_PATH = `/services/T0001/B0002/${HOOK_SECRET}`;

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: unknown;
}

interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

async function startReceiver(status: number): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'internal_error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${HOOK_PATH}`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    }),
  };
}

let current: App | null = null;
const logLines: string[] = [];

/** A states run whose every fetch fails, held until it ends: its summary. */
async function failedRun(app: App, fetcher: FakeFetcher) {
  fetcher.failNext = 1_000;
  const res = await app.inject({ method: 'POST', url: '/sync/states?wait=true', headers: auth });
  const summary = res.json<{ runId: number; status: string; error: { message: string } | null }>();
  expect(summary.status).toBe('failed');
  return summary;
}

async function setup(webhookUrl: string) {
  const fetcher = new FakeFetcher(world(10), 3);
  const config = readConfig({
    OPERATOR_TOKEN: TOKEN,
    INTERNAL_TOKEN: 'internal-token-0123',
    LOG_LEVEL: 'info',
    RETRY_ATTEMPTS: '2',
    RETRY_INITIAL_DELAY_MS: '1',
    HEARTBEAT_MS: '50',
    NOTIFY_WEBHOOK_URL: webhookUrl,
  });
  current = await buildApp(config, {
    fetcher,
    writer: new FakeWriter(),
    logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
  });
  return { app: current, fetcher };
}

/** The orchestrator's log lines, parsed. */
const logs = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown> & { level: number; msg: string });

afterEach(async () => {
  await current?.close();
  current = null;
  logLines.length = 0;
});

describe('failure webhook', () => {
  it('POSTs a failed run once, with a Slack text line and the run summary', async () => {
    const receiver = await startReceiver(200);
    try {
      const { app, fetcher } = await setup(receiver.url);
      const summary = await failedRun(app, fetcher);
      // Closing waits for deliveries under way: after it, nothing more can arrive.
      await app.close();
      current = null;

      expect(receiver.received).toHaveLength(1);
      const [post] = receiver.received;
      expect(post?.method).toBe('POST');
      expect(post?.url).toBe(HOOK_PATH);
      expect(post?.contentType).toBe('application/json');
      expect(Value.Check(RunFailedNotification, post?.body)).toBe(true);
      const body = post?.body as RunFailedNotification;
      expect(body.text).toBe(`InsightXI sync run ${summary.runId} (states) failed: ${summary.error?.message}`);
      expect(body.text).toContain('ECONNREFUSED');
      expect(body.run).toMatchObject({ runId: summary.runId, entity: 'states', status: 'failed', error: { message: summary.error?.message } });
      expect(body.run.counters.created).toBe(0);
      expect(logs().some((l) => l.msg === 'run failure notified' && l.runId === summary.runId)).toBe(true);
      expect(logLines.join('\n')).not.toContain(HOOK_SECRET);
    } finally {
      await receiver.close();
    }
  });

  it('sends nothing for a run that succeeds', async () => {
    const receiver = await startReceiver(200);
    try {
      const { app } = await setup(receiver.url);
      const res = await app.inject({ method: 'POST', url: '/sync/states?wait=true', headers: auth });
      expect(res.json<{ status: string; counters: { created: number } }>()).toMatchObject({ status: 'succeeded', counters: { created: 5 } });
      await app.close();
      current = null;
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver answering 500 is retried, then warned about without the URL; the run still ends failed', async () => {
    const receiver = await startReceiver(500);
    try {
      const { app, fetcher } = await setup(receiver.url);
      const summary = await failedRun(app, fetcher);
      expect(summary.error?.message).toContain('ECONNREFUSED');
      await app.close();
      current = null;

      expect(receiver.received).toHaveLength(3);
      const warnings = logs().filter((l) => l.level === 40 && l.component === 'notify');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ runId: summary.runId, kind: 'status', status: 500, attempts: 3, webhookHost: new URL(receiver.url).host });
      expect(logs().some((l) => l.msg === 'run finished' && l.status === 'failed')).toBe(true);
      expect(logLines.join('\n')).not.toContain(HOOK_SECRET);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that is down costs one warning without the URL; the run still ends failed and can be read', async () => {
    const receiver = await startReceiver(200);
    await receiver.close();
    const { app, fetcher } = await setup(receiver.url);
    const summary = await failedRun(app, fetcher);
    const again = await app.inject({ method: 'GET', url: `/sync/runs/${summary.runId}`, headers: auth });
    expect(again.json<{ status: string }>().status).toBe('failed');
    await app.close();
    current = null;

    const warnings = logs().filter((l) => l.level === 40 && l.component === 'notify');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ runId: summary.runId, kind: 'network', attempts: 3 });
    expect(logLines.join('\n')).not.toContain(HOOK_SECRET);
  });

  it('refuses a NOTIFY_WEBHOOK_URL that is not http(s), without echoing it', () => {
    const attempt = () => readConfig({ OPERATOR_TOKEN: TOKEN, INTERNAL_TOKEN: 'internal-token-0123', NOTIFY_WEBHOOK_URL: `ftp://hooks${HOOK_PATH}` });
    expect(attempt).toThrow(/NOTIFY_WEBHOOK_URL: invalid/);
    expect(attempt).not.toThrow(HOOK_SECRET);
  });
});
