/**
 * Fault row: five 100 MB bodies with the right secret, to the real grammY
 * webhook behind `placard serve`'s HTTP server. Each must get 413 early (the
 * rest of the body never read) and RSS grow by less than 60 MB; a normal
 * update is still answered afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../src/http/server.js';
import { ADMIN, PRIVATE, startWebhookRig, type TelegramRig } from '../adapters/telegram-harness.js';
import { streamPost, type Posted } from './process-rig.js';
import { recordFault } from './report.js';

const MB = 1024 * 1024;

let server: HttpServer | undefined;
let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); await server?.close(); rig = undefined; server = undefined; });

describe('fault: huge webhook bodies with the right secret', () => {
  it('5 × 100 MB: 413 each, RSS grows by less than 60 MB, and a normal update is still answered', async () => {
    const secret = 'S3cret_token-value';
    const started = await startWebhookRig(secret);
    ({ server, rig } = started);
    const { headers } = started;

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const t0 = Date.now();
    const results: Posted[] = [];
    try {
      for (let i = 0; i < 5; i++) results.push(await streamPost(server.port, '/telegram/hook', 100 * MB, { headers, declare: i % 2 === 0 }));
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    const grownMb = Math.round(((process.memoryUsage().rss - before) / MB) * 10) / 10;
    const peakMb = Math.round(((peak - before) / MB) * 10) / 10;

    const update = rig.tg.sendUserMessage({ chat: PRIVATE, from: ADMIN, text: '/start' });
    const normal = await rig.tg.deliverToWebhook(update);
    const [answer] = await rig.tg.waitForMessages(1, { chatId: PRIVATE.id });
    const answered = normal === 200 && (answer?.plainText ?? '').includes(rig.services.campaign.meta.title);

    const sentMb = results.map((r) => Math.round(r.sentBytes / MB));
    await recordFault({
      fault: 'http: webhook bodies 5 x 100 MB with the right secret', chats: 0, lost: 0, doubled: 0, recovered: answered,
      seconds: Math.round(seconds * 10) / 10,
      notes: [
        `statuses=${results.map((r) => String(r.status ?? r.error)).join('+')}`, `declared=yes+no+yes+no+yes`,
        `sentMbBeforeAnswer=${sentMb.join('+')}`, `rssGrowthMb=${grownMb}`, `rssPeakGrowthMb=${peakMb}`,
        `normalUpdateStatus=${normal}`, 'lost/doubled not applicable: no reminders in this row',
      ].join('; '),
    });

    for (const r of results) {
      expect(r.status).toBe(413);
      expect(r.sentBytes).toBeLessThan(20 * MB);
    }
    expect(grownMb).toBeLessThan(60);
    expect(peakMb).toBeLessThan(60);
    expect(answered).toBe(true);
  }, 60_000);
});
