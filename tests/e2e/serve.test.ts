/**
 * `placard serve` as a child process: HTTP health and readiness, a log that
 * never contains the token even when the platform fails, and SIGTERM → exit 0
 * well within the shutdown bound.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Faults, startFakeTelegram, type FakeTelegram } from '../fakes/telegram/index.js';
import { shippedCampaign } from '../helpers/core.js';
import { spawnPlacard } from '../helpers/cli.js';
import { freePort, until } from '../helpers/wait.js';

interface Running { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; ms: number }>; signalAt: () => void }

/** `placard serve`, or with `plain` just `placard` (what `npm start` runs), which serves once a token is set. */
function start(env: Record<string, string>, plain = false): Running {
  const { child, output, exited: code } = spawnPlacard({ STORE_URL: 'memory://', LOG_LEVEL: 'debug', ...env }, plain ? [] : ['serve']);
  let t0 = 0;
  const exited = code.then((c) => ({ code: c, ms: Date.now() - t0 }));
  return { child, output, exited, signalAt: () => { t0 = Date.now(); } };
}

let running: Running | undefined;
let tg: FakeTelegram | undefined;
afterEach(async () => { running?.child.kill('SIGKILL'); await tg?.close(); running = undefined; tg = undefined; });

const http = async (port: number, path: string): Promise<{ status: number; body: string }> => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: r.status, body: await r.text() };
};

describe('placard serve', () => {
  it('with no platform: serves HTTP, says which variables to set, and stops on SIGTERM with exit 0', async () => {
    const port = await freePort();
    running = start({ HTTP_PORT: String(port) });
    await until(() => running!.output().includes('"msg":"serving"'), 30_000, 'serving');
    expect(running.output()).toContain('no platform configured: set TELEGRAM_BOT_TOKEN, DISCORD_TOKEN and DISCORD_APPLICATION_ID, SIGNAL_CLI_URL and SIGNAL_ACCOUNT, or MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN');
    expect(await http(port, '/healthz')).toMatchObject({ status: 200 });
    expect(await http(port, '/readyz')).toMatchObject({ status: 200 });
    expect((await http(port, '/metrics')).body).toContain('placard_commands_total');
    running.signalAt();
    running.child.kill('SIGTERM');
    const { code, ms } = await running.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(running.output()).toContain('"msg":"stopped"');
  }, 60_000);

  it('`placard` with a token serves: answers /demands@bot in a group with the demands word for word, is ready, and stops on SIGTERM', async () => {
    tg = await startFakeTelegram({ botUsername: 'placardbot' });
    const group = { id: -100_123_456, type: 'supergroup' as const, title: 'Solidarity' };
    const port = await freePort();
    running = start({ HTTP_PORT: String(port), TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot }, true);
    await until(async () => (await http(port, '/readyz').catch(() => ({ status: 0 }))).status === 200, 30_000, 'ready');
    tg.sendUserMessage({ chat: group, from: { id: 77, first_name: 'Ana' }, text: '/demands@placardbot' });
    const answers = await tg.waitForMessages(1, { chatId: group.id, timeoutMs: 15_000 });
    const campaign = await shippedCampaign();
    const first = campaign.statementById.get(campaign.meta.demandsFirst)!;
    expect(answers[0]!.plainText).toContain(first.demands[0]!.text);
    expect(tg.callsOf('setMyCommands').length).toBeGreaterThan(0);
    running.signalAt();
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
    expect(running.output()).not.toContain(tg.token.split(':')[1]);
  }, 60_000);

  it('with a token and a failing Bot API: stays up, not ready, and never logs the token', async () => {
    tg = await startFakeTelegram({ botUsername: 'placardbot' });
    tg.failNext('*', { times: 10_000 }, Faults.internal());
    const port = await freePort();
    running = start({ HTTP_PORT: String(port), TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot });
    await until(() => running!.output().includes('telegram unreachable at start'), 30_000, 'a failed start-up attempt');
    const ready = await http(port, '/readyz');
    expect(ready.status).toBe(503);
    // The adapter's own reason (notReadyReason) when it gives one, else the generic "not connected to the Bot API".
    const failures = JSON.parse(ready.body).failures as Record<string, string>;
    expect(Object.keys(failures)).toEqual(['telegram']);
    expect(failures.telegram).toMatch(/unreachable|not connected/i);
    // Repeated attempts are logged once per interval now (a burst is one line), so count them at the fake instead.
    await until(() => tg!.calls.length >= 3, 30_000, 'more attempts');
    await tg.setDown(true);
    await new Promise((r) => setTimeout(r, 1_000));
    running.signalAt();
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
    const log = running.output();
    expect(log).not.toContain(tg.token);
    expect(log).not.toContain(tg.token.split(':')[1]);
    expect(log).toContain('"adapter":"telegram"');
  }, 60_000);
  it('SIGTERM while an adapter is still starting (Discord not answering) exits 0 within the shutdown bound', async () => {
    // An API that accepts connections and never answers: the Discord adapter's start-up waits on it.
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => { sockets.add(socket); }).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const apiPort = (silent.address() as { port: number }).port;
    try {
      const port = await freePort();
      running = start({
        HTTP_PORT: String(port), DISCORD_TOKEN: 'MTIz.fake.token-for-a-test', DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: `http://127.0.0.1:${apiPort}/api`,
      });
      await until(async () => (await http(port, '/healthz').catch(() => ({ status: 0 }))).status === 200, 30_000, 'HTTP up');
      expect(running.output()).not.toContain('"msg":"serving"'); // still starting
      running.signalAt();
      running.child.kill('SIGTERM');
      const { code, ms } = await running.exited;
      expect(code).toBe(0);
      expect(ms).toBeLessThan(12_000);
      expect(running.output()).toContain('"msg":"shutting down"');
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  }, 60_000);
});
