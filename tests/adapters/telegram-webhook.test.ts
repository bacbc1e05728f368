/** Webhook mode: Telegram POSTs updates to our HTTP server, with the secret header checked. */
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer, type RouteHandler } from '../../src/http/server.js';
import { CHAT_SETTINGS, readChatSettings } from '../../src/store/chat-settings.js';
import { Faults } from '../fakes/telegram/index.js';
import { PRIVATE, ADMIN, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
let http: HttpServer | undefined;
afterEach(async () => { await rig?.close(); await http?.close(); rig = undefined; http = undefined; });

async function webhookRig(secret: string): Promise<TelegramRig> {
  let route: RouteHandler = (_req, res) => { res.writeHead(503).end(); };
  http = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, routes: { '/telegram/hook': (req, res) => route(req, res) } });
  const started = await startTelegramRig({ webhook: { url: `http://127.0.0.1:${http.port}/telegram/hook`, secret } });
  route = started.adapter.webhookRoute()!.handler;
  await started.tg.waitFor(() => started.adapter.ready() || undefined);
  return started;
}

describe('Telegram webhook mode', () => {
  it('registers the webhook with its secret, answers with the right secret and refuses a wrong or missing one', async () => {
    let route: RouteHandler = (_req, res) => { res.writeHead(503).end(); };
    http = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, routes: { '/telegram/hook': (req, res) => route(req, res) } });
    const secret = 'S3cret_token-value';
    rig = await startTelegramRig({ webhook: { url: `http://127.0.0.1:${http.port}/telegram/hook`, secret } });
    const hook = rig.adapter.webhookRoute();
    expect(hook?.path).toBe('/telegram/hook');
    route = hook!.handler;
    await rig.tg.waitFor(() => rig!.adapter.ready() || undefined);
    expect(rig.tg.callsOf('setWebhook')[0]?.params).toMatchObject({ secret_token: secret });
    expect(rig.tg.callsOf('getUpdates')).toHaveLength(0);

    const update = rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    expect(await rig.tg.deliverToWebhook(update, { secretToken: 'wrong' })).toBe(401);
    expect(await rig.tg.deliverToWebhook(update, { secretToken: null })).toBe(401);
    expect(rig.tg.sentTo(PRIVATE.id)).toHaveLength(0);
    expect(await rig.tg.deliverToWebhook(update)).toBe(200);
    const [answer] = await rig.tg.waitForMessages(1, { chatId: PRIVATE.id });
    expect(answer?.plainText).toContain(rig.services.campaign.meta.title);
    expect(rig.logs.text).not.toContain(secret);
  });

  it('answers Telegram 200 when a reply fails, and forgets a chat whose reply got 403', async () => {
    rig = await webhookRig('S3cret_token-value');
    await rig.services.store.set(CHAT_SETTINGS, `telegram:${PRIVATE.id}`, { subscribed: true });
    rig.tg.failNext('sendMessage', { chatId: PRIVATE.id }, Faults.blocked());
    const update = rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    expect(await rig.tg.deliverToWebhook(update)).toBe(200);
    expect(await readChatSettings(rig.services.store, { platform: 'telegram', chatId: String(PRIVATE.id) })).toBeUndefined();
    expect(rig.logs.text).toContain('telegram update failed');
  });
});
