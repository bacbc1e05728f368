/**
 * Inline mode: `@bot demands` typed in any chat offers ready-to-send
 * messages — each statement's demands verbatim with their source, the next
 * anniversary, the timeline — so people share them into their own chats.
 * Each is the answer of the command a person would type (`/demands <id>`,
 * `/next`, `/timeline`), run through the dispatcher, so the words are the
 * commands' words. Shared messages carry no buttons (a button under a
 * message sent "via" the bot has no chat to answer in); the query text
 * filters the results. With `PUBLIC_URL` each result carries the address
 * of what it shows on the campaign's page (a statement's demands, the
 * timeline), which Telegram shows in the list of results. Inline mode must
 * be switched on with @BotFather (`/setinline`), see README.md, "On Telegram".
 */
import type { Context } from 'grammy';
import type { InlineQuery, InlineQueryResultArticle } from 'grammy/types';
import type { InvocationHandler } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { describeCommand } from '../../src/commands/describe.js';
import type { Invocation, Services } from '../../src/commands/types.js';
import { campaignIn } from '../../src/content/editions.js';
import type { Voice } from '../../src/i18n/voice.js';
import type { Reply } from '../../src/rich/model.js';
import { anchorUrl, demandsAnchor, TIMELINE_ANCHOR } from '../../src/present/site-urls.js';
import { fold } from '../../src/text/fold.js';
import { SEND_OPTIONS, voiceFor, type AnswerLanguages, type UpdateDeps } from './context.js';
import { renderTelegramReply, TELEGRAM_TEXT_LIMIT } from './render.js';

/** Telegram's limit of results per answer. */
export const INLINE_RESULTS_LIMIT = 50;
/** How long Telegram may serve an answer again without asking: the next anniversary changes by the day, not the minute. */
export const INLINE_CACHE_SECONDS = 300;
const DESCRIPTION_LIMIT = 120;

/**
 * The chat inline answers are built for: none in particular. Commands read
 * no settings for it, so times are in the campaign's own zone; never stored.
 */
const NO_CHAT: ChatRef = { platform: 'telegram', chatId: 'inline', kind: 'group' };

/** One offer: the command that makes it, its fallback title, and words it is found by besides its text. */
interface Offer {
  readonly id: string;
  readonly command: string;
  readonly args: string;
  readonly title: string;
  readonly keywords: readonly string[];
  /** Where the campaign's page shows it (with `PUBLIC_URL`). */
  readonly url?: string | undefined;
}

/**
 * What can be offered: the featured statement's demands first, then the
 * others', the next anniversary, the timeline. Found by their words in
 * English (ids) and by the commands' descriptions and the campaign's labels
 * in the voice's language.
 */
function offers(services: Services, voice: Voice): Offer[] {
  const campaign = campaignIn(services.campaign, voice.language);
  const has = (name: string): boolean => services.commands.some((c) => c.name === name);
  const described = (name: string): string => describeCommand(voice, { name });
  const at = (anchor: string): string | undefined => anchorUrl(services.publicUrl, voice.language, anchor);
  const statements = campaign.statements.filter((s) => s.demands.length > 0)
    .sort((a, b) => Number(b.id === campaign.meta.demandsFirst) - Number(a.id === campaign.meta.demandsFirst));
  return [
    ...(has('demands') ? statements.map((s) => ({
      id: `demands:${s.id}`.slice(0, 64), command: 'demands', args: s.id, title: s.label,
      keywords: ['demands', described('demands'), s.id, s.label, s.title, s.author?.abbreviation ?? '', s.author?.name ?? ''],
      url: at(demandsAnchor(s.id)),
    })) : []),
    ...(has('next') ? [{ id: 'next', command: 'next', args: '', title: '/next', keywords: ['next', 'anniversary', described('next')], url: at(TIMELINE_ANCHOR) }] : []),
    ...(has('timeline') ? [{
      id: 'timeline', command: 'timeline', args: '', title: '/timeline', keywords: ['timeline', 'events', described('timeline')], url: at(TIMELINE_ANCHOR),
    }] : []),
  ];
}

/** A reply as one ready-to-send message: its pieces joined when they fit in one, else the first. */
function asMessage(reply: Reply): { html: string; visible: string } | undefined {
  const texts = renderTelegramReply(reply);
  if (reply.ephemeral || texts.length === 0) return undefined;
  const visible = texts.map((t) => t.visible).join('\n\n');
  return visible.length <= TELEGRAM_TEXT_LIMIT ? { html: texts.map((t) => t.html).join('\n\n'), visible } : texts[0];
}

const oneLine = (s: string, max: number): string => {
  const points = [...s.replace(/\s+/g, ' ').trim()];
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`;
};

/**
 * The results for a query: every offer whose words contain each word typed,
 * at most 50, in the asker's language (their `language_code`: what they
 * share goes into chats of their choosing).
 */
export async function inlineResults(
  query: Pick<InlineQuery, 'query' | 'from'>, handler: InvocationHandler, services: Services, languages: AnswerLanguages,
): Promise<InlineQueryResultArticle[]> {
  const words = fold(query.query).split(' ').filter((w) => w !== '');
  const results: InlineQueryResultArticle[] = [];
  const invocation = (command: string, text: string): Invocation => ({
    command, text, chat: NO_CHAT, now: new Date(), role: async () => 'member',
    ...(query.from.language_code === undefined ? {} : { locale: query.from.language_code }),
  });
  const voice = await voiceFor(languages, invocation('next', ''));
  for (const offer of offers(services, voice)) {
    if (results.length >= INLINE_RESULTS_LIMIT) break;
    const reply = await handler(invocation(offer.command, offer.args));
    const message = asMessage(reply);
    if (!message) continue;
    const haystack = fold([...offer.keywords, message.visible].join(' '));
    if (!words.every((w) => haystack.includes(w))) continue;
    const title = reply.messages[0]?.title ?? offer.title;
    const body = message.visible.startsWith(title) ? message.visible.slice(title.length) : message.visible;
    const source = offer.command === 'demands' && !title.includes(offer.title) ? `${offer.title} · ` : '';
    results.push({
      type: 'article', id: offer.id, title: oneLine(title, 64), description: oneLine(`${source}${body}`, DESCRIPTION_LIMIT),
      input_message_content: { message_text: message.html, ...SEND_OPTIONS },
      ...(offer.url === undefined ? {} : { url: offer.url }),
    });
  }
  return results;
}

/** Answers an inline query (see the module comment). */
export async function onInlineQuery(ctx: Context, query: InlineQuery, handler: InvocationHandler, deps: Pick<UpdateDeps, 'services' | 'languages'>): Promise<void> {
  await ctx.answerInlineQuery(await inlineResults(query, handler, deps.services, deps.languages), { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
}
