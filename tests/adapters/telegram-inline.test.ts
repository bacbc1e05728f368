/**
 * Inline mode against the fake: `@bot <query>` is answered with articles —
 * each statement's demands verbatim with its source label, the next
 * anniversary, the timeline — that the fake accepts as Telegram would
 * (≤ 50 results, unique ids, HTML that parses, text within 4096).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InlineAnswer } from '../fakes/telegram/types.js';
import { parseTelegramHtml } from '../fakes/telegram/index.js';
import { buildSite } from '../../adapters/web/index.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { testServices } from '../helpers/core.js';
import { ADMIN, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Article { type: string; id: string; title: string; description?: string; url?: string; input_message_content: { message_text: string; parse_mode?: string } }

async function ask(r: TelegramRig, query: string): Promise<{ answer: InlineAnswer; articles: Article[]; texts: string[] }> {
  const id = r.tg.inlineQuery({ from: ADMIN, query, chatType: 'supergroup' }).inline_query!.id;
  const answer = await r.tg.waitFor(() => r.tg.inlineAnswers.find((a) => a.inline_query_id === id), 10_000, `inline answer to "${query}"`);
  const articles = answer.results as unknown as Article[];
  const texts = articles.map((a) => {
    const parsed = parseTelegramHtml(a.input_message_content.message_text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.text;
  });
  return { answer, articles, texts };
}

describe('Telegram inline mode', () => {
  it('offers every statement’s demands verbatim with its source, the next anniversary and the timeline, ready to send', async () => {
    rig = await startTelegramRig();
    const { campaign } = rig.services;
    const { answer, articles, texts } = await ask(rig, '');
    expect(answer.cache_time).toBeGreaterThan(0);
    expect(answer.cache_time).toBeLessThanOrEqual(3600);
    expect(articles.length).toBeLessThanOrEqual(50);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const [i, a] of articles.entries()) {
      expect(a.type).toBe('article');
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.input_message_content.parse_mode).toBe('HTML');
      expect(texts[i]!.length).toBeLessThanOrEqual(4096);
    }
    const withDemands = campaign.statements.filter((s) => s.demands.length > 0);
    // The featured statement first.
    expect(articles[0]?.id).toBe(`demands:${campaign.meta.demandsFirst}`);
    for (const s of withDemands) {
      const i = articles.findIndex((a) => a.id === `demands:${s.id}`);
      expect(i, s.id).toBeGreaterThanOrEqual(0);
      expect(`${articles[i]!.title} ${articles[i]!.description ?? ''} ${texts[i]}`, s.id).toContain(s.label);
      for (const d of s.demands) expect(squash(texts[i]!), s.id).toContain(squash(d.text));
    }
    expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining(['next', 'timeline']));
    // No private chat was involved: nothing about the asker is stored.
    expect(await rig.services.store.get('chat', `telegram:${ADMIN.id}`)).toBeUndefined();
  });

  it('filters by what is typed, and answers an empty list when nothing matches', async () => {
    rig = await startTelegramRig();
    const smk = rig.services.campaign.statementById.get(rig.services.campaign.meta.demandsFirst)!;
    const { articles } = await ask(rig, smk.label);
    expect(articles.map((a) => a.id)).toContain(`demands:${smk.id}`);
    expect(articles.map((a) => a.id)).not.toContain('timeline');
    const timeline = await ask(rig, 'timeline');
    expect(timeline.articles.map((a) => a.id)).toContain('timeline');
    expect((await ask(rig, 'qqqzzz nothing like this')).articles).toEqual([]);
  });

  it('with PUBLIC_URL, each result links what it shows on the campaign’s page in the asker’s language; without it, none does', async () => {
    const base = await testServices();
    rig = await startTelegramRig({ services: { ...base, publicUrl: 'https://kz-solidarity.example.org/' } });
    const { articles } = await ask(rig, '');
    const smk = base.campaign.meta.demandsFirst;
    expect(articles.find((a) => a.id === `demands:${smk}`)?.url).toBe(`https://kz-solidarity.example.org/#demands-${smk}`);
    expect(articles.find((a) => a.id === 'timeline')?.url).toBe('https://kz-solidarity.example.org/#timeline');
    // Every link names an anchor the built page has.
    const page = buildSite(base.campaign, sharedTranslator(), { publicUrl: 'https://kz-solidarity.example.org/' }).find((f) => f.path === 'index.html');
    for (const a of articles) {
      expect(a.url, a.id).toBeDefined();
      expect(String(page?.body), a.id).toContain(`id="${a.url!.split('#')[1]}"`);
    }
    await rig.close();
    rig = await startTelegramRig();
    expect((await ask(rig, '')).articles.filter((a) => a.url !== undefined)).toEqual([]);
  });
});
